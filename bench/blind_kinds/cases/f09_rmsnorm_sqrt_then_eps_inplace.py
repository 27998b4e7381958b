import torch
import torch.nn as nn


class RMSNorm(nn.Module):
    def __init__(self, dim, eps=1e-6):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x):
        rms = x.pow(2).mean(dim=-1, keepdim=True).sqrt()
        rms.add_(self.eps)  # L
        return x / rms * self.weight


class FeedForward(nn.Module):
    def __init__(self, dim, mult=2):
        super().__init__()
        self.norm = RMSNorm(dim)
        self.up = nn.Linear(dim, dim * mult)
        self.down = nn.Linear(dim * mult, dim)

    def forward(self, x):
        return x + self.down(nn.functional.gelu(self.up(self.norm(x))))


def run():
    torch.manual_seed(0)
    layers = nn.Sequential(*[FeedForward(6) for _ in range(2)])
    opt = torch.optim.AdamW(layers.parameters(), lr=1e-3)
    for _ in range(2):
        loss = layers(torch.randn(3, 4, 6)).square().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
