from typing import ClassVar, Dict, Type

import torch
import torch.nn as nn
import torch.nn.functional as F


class NormBase(nn.Module):
    """Norm layers register themselves by key; configs name them as strings."""

    registry: ClassVar[Dict[str, Type["NormBase"]]] = {}

    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        if key is not None:
            NormBase.registry[key] = cls

    @classmethod
    def create(cls, key: str, channels: int, **kwargs) -> "NormBase":
        return cls.registry[key](channels, **kwargs)

    def __init__(self, channels, eps=1e-5):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))

    def affine(self, x):
        n, c, *spatial = x.shape
        shape = (1, c, *([1] * len(spatial)))
        return x * self.weight.view(shape) + self.bias.view(shape)


class GroupNorm(NormBase, key="group"):
    def __init__(self, channels, groups=2, eps=1e-5):
        super().__init__(channels, eps)
        self.groups = groups

    def forward(self, x):
        n, c, *spatial = x.shape
        g = x.view(n, self.groups, -1)
        var, mean = torch.var_mean(g, dim=-1, keepdim=True, unbiased=False)
        g = g - mean
        g.div_(torch.sqrt(var + self.eps))  # L
        return self.affine(g.view(n, c, *spatial))


class PixelRMSNorm(NormBase, key="pixel_rms"):
    def forward(self, x):
        return self.affine(x * torch.rsqrt(x.pow(2).mean(1, keepdim=True) + self.eps))


class ConvNet(nn.Module):
    def __init__(self, norm="group", width=4):
        super().__init__()
        self.conv1 = nn.Conv2d(1, width, 3, padding=1)
        self.norm1 = NormBase.create(norm, width, groups=2)
        self.conv2 = nn.Conv2d(width, width, 3, padding=1)
        self.head = nn.Linear(width, 3)

    def forward(self, x):
        x = F.silu(self.norm1(self.conv1(x)))
        return self.head(self.conv2(x).mean((2, 3)))


def run():
    torch.manual_seed(0)
    model = ConvNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    x, y = torch.randn(2, 1, 5, 5), torch.tensor([0, 2])
    loss = F.cross_entropy(model(x), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
