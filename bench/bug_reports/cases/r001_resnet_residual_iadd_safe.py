# Source: http://discuss.pytorch.org/t/in-place-operation-and-resnet/10724
# Safe twin (the thread's "implementation 2"): keep the block input as `identity`
# and add it into the conv/bn branch output; the bn output is not saved, so `+=`
# there is fine.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResidualUnitB(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_0 = nn.Conv2d(3, 4, 3, padding=1, bias=False)
        self.bn_0 = nn.BatchNorm2d(4)
        self.conv_1 = nn.Conv2d(4, 4, 3, padding=1, bias=False)
        self.bn_1 = nn.BatchNorm2d(4)

    def forward(self, x):
        x = self.conv_0(x)
        x = self.bn_0(x)
        x = F.relu(x, inplace=True)
        identity = x
        x = self.conv_1(x)
        x = self.bn_1(x)
        x += identity
        x = F.relu(x, inplace=True)
        return x


def run():
    unit = ResidualUnitB()
    out = unit(torch.randn(2, 3, 6, 6))
    out.sum().backward()


if __name__ == "__main__":
    run()
