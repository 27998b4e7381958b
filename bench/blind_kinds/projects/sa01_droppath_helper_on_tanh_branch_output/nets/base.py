import torch.nn as nn

from utils import drop_path_


class ResidualBlock(nn.Module):
    """x + DropPath(branch(x)); subclasses build ``self.branch``."""

    def __init__(self, drop_path=0.0):
        super().__init__()
        self.drop_path = drop_path

    def extra_repr(self):
        return f"drop_path={self.drop_path:.3f}"

    def forward(self, x):
        return x + drop_path_(self.branch(x), self.drop_path, self.training)  # L
