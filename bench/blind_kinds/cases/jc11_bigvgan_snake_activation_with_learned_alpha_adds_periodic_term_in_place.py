"""BigVGAN-style generator block with the Snake activation x + sin^2(alpha x) / alpha, written in
place on the conv output to save memory; alpha is learned per channel."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Snake(nn.Module):
    def __init__(self, channels, learn_alpha=True):
        super().__init__()
        alpha = torch.ones(1, channels, 1)
        if learn_alpha:
            self.alpha = nn.Parameter(alpha)
        else:
            self.register_buffer("alpha", alpha)

    def forward(self, x):
        s = torch.sin(self.alpha * x)
        x += s.pow(2) / (self.alpha + 1e-9)  # L
        return x


class Block(nn.Module):
    def __init__(self, c, learn_alpha):
        super().__init__()
        self.conv = nn.Conv1d(c, c, 3, padding=1)
        self.act = Snake(c, learn_alpha)

    def forward(self, x):
        return x + self.act(self.conv(x))


LEARN_ALPHA = True


def run():
    torch.manual_seed(0)
    gen = nn.Sequential(nn.Conv1d(4, 8, 3, padding=1), Block(8, LEARN_ALPHA), Block(8, LEARN_ALPHA),
                        nn.Conv1d(8, 1, 3, padding=1))
    opt = torch.optim.Adam(gen.parameters(), lr=1e-3)
    for _ in range(2):
        mel, wav = torch.randn(2, 4, 16), torch.randn(2, 1, 16)
        loss = F.l1_loss(gen(mel), wav)
        opt.zero_grad()
        loss.backward()
        opt.step()
