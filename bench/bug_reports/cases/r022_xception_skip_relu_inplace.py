# Source: https://github.com/osmr/imgclsmob/issues/13
# Report: Xception units hold `self.activ = nn.ReLU(inplace=True)` and call
# `x = self.activ(x)` on the unit input after the 1x1 skip conv has already
# consumed (and saved) that same input; training raises "modified by an inplace
# operation". Removing inplace=True fixes it.
import torch
import torch.nn as nn


class XceptionUnit(nn.Module):
    def __init__(self, cin=3, cout=4):
        super().__init__()
        self.skip = nn.Conv2d(cin, cout, 1, bias=False)
        self.activ = nn.ReLU(inplace=True)
        self.conv = nn.Conv2d(cin, cout, 3, padding=1)

    def forward(self, x):
        identity = self.skip(x)
        x = self.activ(x)  # hazard
        x = self.conv(x)
        return x + identity


def run():
    net = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), XceptionUnit())
    net(torch.randn(1, 2, 6, 6)).sum().backward()


if __name__ == "__main__":
    run()
