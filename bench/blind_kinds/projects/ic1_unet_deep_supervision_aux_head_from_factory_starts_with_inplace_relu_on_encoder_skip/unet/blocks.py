import torch
import torch.nn as nn


class ConvBlock(nn.Sequential):
    """conv-BN-ReLU; its output is both the skip and the input of the next stage's pooling."""

    def __init__(self, c_in, c_out):
        super().__init__(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU())


class Up(nn.Module):
    def __init__(self, c_in, c_skip, c_out):
        super().__init__()
        self.up = nn.ConvTranspose2d(c_in, c_in, 2, stride=2)
        self.block = ConvBlock(c_in + c_skip, c_out)

    def forward(self, x, skip):
        return self.block(torch.cat([self.up(x), skip], 1))
