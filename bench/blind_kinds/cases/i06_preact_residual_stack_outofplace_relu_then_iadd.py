from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass(frozen=True)
class StackConfig:
    width: int = 8
    depth: int = 3
    inplace_act: bool = False


class PreActStack(nn.Module):
    """x <- x + f(act(x)) for each block, written with +=; the activation makes a new tensor."""

    def __init__(self, cfg: StackConfig, d_in=5, n_out=2):
        super().__init__()
        self.stem = nn.Linear(d_in, cfg.width)
        self.act = nn.ReLU(inplace=cfg.inplace_act)
        self.blocks = nn.ModuleList(nn.Linear(cfg.width, cfg.width) for _ in range(cfg.depth))
        self.out = nn.Linear(cfg.width, n_out)

    def forward(self, x):
        x = self.stem(x)
        for block in self.blocks:
            h = self.act(x)
            x += block(h)  # L
        return self.out(x)


def run():
    torch.manual_seed(0)
    model = PreActStack(StackConfig())
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    x, y = torch.randn(6, 5), torch.randint(0, 2, (6,))
    for _ in range(2):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
