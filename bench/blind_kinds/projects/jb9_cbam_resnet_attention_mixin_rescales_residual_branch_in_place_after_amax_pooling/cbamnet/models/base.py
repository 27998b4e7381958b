import torch.nn as nn


class ResidualBlockBase(nn.Module):
    """out = relu(refine(residual(x)) + shortcut(x)); subclasses may override `refine`."""

    def __init__(self, c_in, c_out, stride=1):
        super().__init__()
        self.residual = nn.Sequential(
            nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(),
            nn.Conv2d(c_out, c_out, 3, 1, 1, bias=False), nn.BatchNorm2d(c_out),
        )
        self.shortcut = nn.Identity()
        if stride != 1 or c_in != c_out:
            self.shortcut = nn.Sequential(nn.Conv2d(c_in, c_out, 1, stride, bias=False),
                                          nn.BatchNorm2d(c_out))

    def refine(self, out):
        return out

    def forward(self, x):
        out = self.refine(self.residual(x))  # L
        return nn.functional.relu(out + self.shortcut(x))
