"""EDSR (Lim et al. 2017), tiny: mean shift, residual body without batch norm, sub-pixel upsampler."""
import math

import torch
import torch.nn as nn

MODELS = {}


def register(name):
    def deco(cls):
        MODELS[name] = cls
        return cls
    return deco


class MeanShift(nn.Conv2d):
    """A fixed 1x1 convolution that subtracts (sign=-1) or adds (sign=+1) the dataset's RGB mean."""

    def __init__(self, rgb_mean, sign):
        super().__init__(3, 3, kernel_size=1)
        self.weight.data = torch.eye(3).view(3, 3, 1, 1)
        self.bias.data = sign * torch.tensor(rgb_mean)
        for p in self.parameters():
            p.requires_grad = False


class ResBlock(nn.Module):
    def __init__(self, feats, res_scale=0.1):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(feats, feats, 3, padding=1), nn.ReLU(True),
                                  nn.Conv2d(feats, feats, 3, padding=1))
        self.res_scale = res_scale

    def forward(self, x):
        return x + self.body(x) * self.res_scale


class Upsampler(nn.Sequential):
    def __init__(self, scale, feats):
        layers = []
        for _ in range(int(math.log2(scale))):
            layers += [nn.Conv2d(feats, 4 * feats, 3, padding=1), nn.PixelShuffle(2)]
        super().__init__(*layers)


@register("edsr")
class EDSR(nn.Module):
    def __init__(self, scale=2, feats=8, blocks=2, rgb_mean=(0.4488, 0.4371, 0.4040)):
        super().__init__()
        self.sub_mean = MeanShift(rgb_mean, -1.0)
        self.head = nn.Conv2d(3, feats, 3, padding=1)
        self.body = nn.Sequential(*[ResBlock(feats) for _ in range(blocks)])
        self.tail = nn.Sequential(Upsampler(scale, feats), nn.Conv2d(feats, 3, 3, padding=1))
        self.add_mean = MeanShift(rgb_mean, 1.0)

    def forward(self, lr):
        x = self.head(self.sub_mean(lr))
        x = x + self.body(x)
        return self.add_mean(self.tail(x))


def build_model(name, **kwargs):
    return MODELS[name](**kwargs)
