import torch.nn as nn
import torch.nn.functional as F

from .base import ConvLayer, ImageModel


class ResidualBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv1, self.in1 = ConvLayer(c, c, 3), nn.InstanceNorm2d(c, affine=True)
        self.conv2, self.in2 = ConvLayer(c, c, 3), nn.InstanceNorm2d(c, affine=True)

    def forward(self, x):
        return x + self.in2(self.conv2(F.relu(self.in1(self.conv1(x)))))


class Upsample(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv = ConvLayer(c_in, c_out, 3)

    def forward(self, x):
        return self.conv(F.interpolate(x, scale_factor=2, mode="nearest"))


class TransformerNet(ImageModel):
    def build(self, channels):
        c1, c2 = channels
        encoder = nn.Sequential(ConvLayer(3, c1, 5), nn.InstanceNorm2d(c1, affine=True), nn.ReLU(),
                                ConvLayer(c1, c2, 3, stride=2), nn.InstanceNorm2d(c2, affine=True), nn.ReLU())
        body = nn.Sequential(ResidualBlock(c2), ResidualBlock(c2))
        decoder = nn.Sequential(Upsample(c2, c1), nn.InstanceNorm2d(c1, affine=True), nn.ReLU(),
                                ConvLayer(c1, 3, 5))
        return encoder, body, decoder
