# Source: http://discuss.pytorch.org/t/in-place-operation-and-resnet/10724
# Report: a residual unit adds the residual branch into `x` with `+=`; conv_1 had
# taken `x` as its input (and saved it), so backward raises "modified by an
# inplace operation". The thread's working variant keeps `x` untouched and adds
# into the branch output instead (see the _safe twin).
import torch
import torch.nn as nn
import torch.nn.functional as F


class ResidualUnitA(nn.Module):
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
        residual = self.conv_1(x)
        residual = self.bn_1(residual)
        x += residual  # hazard
        x = F.relu(x, inplace=True)
        return x


def run():
    unit = ResidualUnitA()
    out = unit(torch.randn(2, 3, 6, 6))
    out.sum().backward()


if __name__ == "__main__":
    run()
