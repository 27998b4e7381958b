# Source: https://discuss.pytorch.org/t/when-would-the-error-one-of-the-variables-needed-for-gradient-computation-has-been-modified-occur/11976/2
# Safe twin: the fix from the thread, `x = x + other` (a new tensor).
import torch
import torch.nn as nn


class TwoBranch(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(2, 3, 3, padding=1)
        self.conv1_p = nn.Conv2d(3, 3, 1)
        self.extra = nn.Conv2d(2, 3, 3, padding=1)

    def forward(self, inp):
        x = self.conv1(inp)
        x_p = self.conv1_p(x)
        x = x + self.extra(inp)
        return x.sum() + x_p.sum()


def run():
    net = TwoBranch()
    net(torch.randn(1, 2, 5, 5)).backward()


if __name__ == "__main__":
    run()
