"""FiLM (Perez et al.): a question encoder produces per-channel (gamma, beta) that modulate conv features."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def film_(feats, gamma, beta):
    """Feature-wise affine modulation, in place to save a copy of the feature map."""
    return feats.mul_(1 + gamma[..., None, None]).add_(beta[..., None, None])  # L


class FiLMBlock(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, padding=1)
        self.bn = nn.BatchNorm2d(channels, affine=False)

    def forward(self, x, gamma, beta):
        h = F.relu(self.bn(self.conv(x)))
        h = film_(h, gamma, beta)  # L
        return x + h


class FiLMNet(nn.Module):
    def __init__(self, channels=4, n_blocks=2, q_dim=5, n_answers=3):
        super().__init__()
        self.stem = nn.Conv2d(3, channels, 3, padding=1)
        self.blocks = nn.ModuleList(FiLMBlock(channels) for _ in range(n_blocks))
        self.film_gen = nn.Linear(q_dim, n_blocks * 2 * channels)
        self.head = nn.Linear(channels, n_answers)

    def forward(self, img, question):
        params = self.film_gen(question).chunk(2 * len(self.blocks), dim=-1)
        x = F.relu(self.stem(img))
        for block, gamma, beta in zip(self.blocks, params[0::2], params[1::2]):
            x = block(x, gamma, beta)
        return self.head(x.mean((2, 3)))


def run():
    torch.manual_seed(0)
    net = FiLMNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        img, q, a = torch.randn(3, 3, 5, 5), torch.randn(3, 5), torch.tensor([0, 2, 1])
        loss = F.cross_entropy(net(img, q), a)
        opt.zero_grad()
        loss.backward()
        opt.step()
