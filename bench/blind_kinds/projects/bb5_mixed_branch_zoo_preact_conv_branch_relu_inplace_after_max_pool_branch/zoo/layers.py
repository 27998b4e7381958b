import torch
import torch.nn as nn

from .acts import get_act


def make_branch(kind, c_in, c_out, act="relu"):
    """One branch of an inception-style block; conv branches are pre-activation."""
    if kind == "pool":
        return nn.Sequential(nn.MaxPool2d(3, stride=1, padding=1), nn.Conv2d(c_in, c_out, 1))
    if kind.startswith("conv"):
        k = int(kind[4:])
        return nn.Sequential(get_act(act), nn.Conv2d(c_in, c_out, k, padding=k // 2))  # L
    raise ValueError(kind)


class MixedBlock(nn.Module):
    def __init__(self, c_in, c_branch, branches, act="relu"):
        super().__init__()
        self.branches = nn.ModuleList([make_branch(kind, c_in, c_branch, act) for kind in branches])
        self.out_channels = c_branch * len(branches)

    def forward(self, x):
        return torch.cat([branch(x) for branch in self.branches], dim=1)  # L
