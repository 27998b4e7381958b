import torch.nn as nn


class FeatureNet(nn.Module):
    """A small frozen stand-in for VGG-16, returning the relu1_2 / relu2_2 style taps."""

    def __init__(self):
        super().__init__()
        self.slice1 = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 8, 3, padding=1), nn.ReLU())
        self.slice2 = nn.Sequential(nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU())
        self.requires_grad_(False)

    def forward(self, x):
        h1 = self.slice1(x)
        return {"relu1_2": h1, "relu2_2": self.slice2(h1)}
