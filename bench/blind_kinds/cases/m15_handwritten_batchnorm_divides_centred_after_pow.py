from dataclasses import dataclass, field
from typing import Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass(frozen=True)
class NormConfig:
    eps: float = 1e-5
    momentum: float = 0.1


@dataclass(frozen=True)
class NetConfig:
    dims: Tuple[int, ...] = (6, 16, 16)
    n_cls: int = 3
    norm: NormConfig = field(default_factory=NormConfig)


class FeatureBatchNorm(nn.Module):
    def __init__(self, dim, cfg: NormConfig):
        super().__init__()
        self.cfg = cfg
        self.weight = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim))
        self.register_buffer("running_mean", torch.zeros(dim))
        self.register_buffer("running_var", torch.ones(dim))

    def forward(self, x):
        if not self.training:
            return (x - self.running_mean) / torch.sqrt(self.running_var + self.cfg.eps) * self.weight + self.bias
        mean = x.mean(0)
        xc = x - mean
        var = xc.pow(2).mean(0)
        with torch.no_grad():
            self.running_mean.lerp_(mean, self.cfg.momentum)
            self.running_var.lerp_(var, self.cfg.momentum)
        xc.div_(torch.sqrt(var + self.cfg.eps))  # L
        return xc * self.weight + self.bias


@torch.no_grad()
def init_weights(m):
    if isinstance(m, nn.Linear):
        m.weight.normal_(0.0, 0.2)
        m.bias.zero_()


class MLP(nn.Module):
    def __init__(self, cfg: NetConfig = NetConfig()):
        super().__init__()
        layers = []
        for d_in, d_out in zip(cfg.dims, cfg.dims[1:]):
            layers += [nn.Linear(d_in, d_out), FeatureBatchNorm(d_out, cfg.norm), nn.ReLU()]
        self.features = nn.Sequential(*layers)
        self.head = nn.Linear(cfg.dims[-1], cfg.n_cls)

    def forward(self, x):
        return self.head(self.features(x))  # L


def run():
    torch.manual_seed(0)
    model = MLP().apply(init_weights)
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    model.train()
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        model(torch.randn(4, 6))
