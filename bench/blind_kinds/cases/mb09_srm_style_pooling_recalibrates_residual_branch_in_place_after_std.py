"""A ResNet basic block with a style-based recalibration module (SRM, Lee et al. 2019) on the
residual branch: style pooling takes the channel mean and standard deviation, a channel-wise
fully connected layer and batch norm turn them into a sigmoid gate, and the gate rescales the
branch in place before the shortcut is added. The recalibration's pooling is chosen by a
dataclass config; here ``"style"`` (mean and std)."""
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class RecalibConfig:
    pool: str = "style"  # "style": mean and std (SRM); "avg": mean only (SE-like)
    eps: float = 1e-5


class Recalibration(nn.Module):
    def __init__(self, channels, cfg: RecalibConfig):
        super().__init__()
        self.cfg = cfg
        n_stats = 2 if cfg.pool == "style" else 1
        self.cfc = nn.Parameter(torch.full((channels, n_stats), 1.0 / n_stats))
        self.bn = nn.BatchNorm1d(channels)

    def pool(self, x):
        flat = x.flatten(2)
        stats = [flat.mean(-1)]
        if self.cfg.pool == "style":
            stats.append((flat.var(-1, unbiased=False) + self.cfg.eps).sqrt())
        return torch.stack(stats, dim=-1)  # (B, C, n_stats)

    def forward(self, x):
        z = (self.pool(x) * self.cfc).sum(-1)
        gate = torch.sigmoid(self.bn(z))
        return x.mul_(gate[:, :, None, None])  # L


class SRMBlock(nn.Module):
    def __init__(self, channels, cfg):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(channels)
        self.conv2 = nn.Conv2d(channels, channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(channels)
        self.recalib = Recalibration(channels, cfg)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.recalib(self.bn2(self.conv2(out)))  # L
        return F.relu(out + x)


def run(cfg=RecalibConfig(pool="style")):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), SRMBlock(8, cfg), SRMBlock(8, cfg),
                          nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 5))
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(4, 3, 6, 6), torch.randint(0, 5, (4,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
