# Source: https://github.com/osmr/imgclsmob/issues/13
# Safe twin: the fix from the issue, nn.ReLU(inplace=False).
import torch
import torch.nn as nn


class XceptionUnit(nn.Module):
    def __init__(self, cin=3, cout=4):
        super().__init__()
        self.skip = nn.Conv2d(cin, cout, 1, bias=False)
        self.activ = nn.ReLU(inplace=False)
        self.conv = nn.Conv2d(cin, cout, 3, padding=1)

    def forward(self, x):
        identity = self.skip(x)
        x = self.activ(x)
        x = self.conv(x)
        return x + identity


def run():
    net = nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), XceptionUnit())
    net(torch.randn(1, 2, 6, 6)).sum().backward()


if __name__ == "__main__":
    run()
