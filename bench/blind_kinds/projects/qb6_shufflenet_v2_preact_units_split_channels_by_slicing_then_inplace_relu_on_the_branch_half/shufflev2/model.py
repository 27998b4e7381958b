import torch.nn as nn

from .units import PreActShuffleUnit


class ShuffleNetV2Tiny(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        c = cfg["channels"]
        self.stem = nn.Sequential(nn.Conv2d(3, c, 3, 2, 1, bias=False), nn.BatchNorm2d(c))
        self.units = nn.Sequential(*[PreActShuffleUnit(c, cfg["split"]) for _ in range(cfg["units"])])
        self.head = nn.Sequential(nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c, cfg["classes"]))

    def forward(self, x):
        return self.head(self.units(self.stem(x)))  # L
