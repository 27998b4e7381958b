"""A CSPDarknet-style block (YOLOv4) with Mish written by hand before nn.Mish existed:
mish(x) = x * tanh(softplus(x)), applied in place on the BN output to save memory."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def mish_(x):
    return x.mul_(torch.tanh(F.softplus(x)))  # L


class ConvBnMish(nn.Module):
    def __init__(self, c_in, c_out, k=3, s=1):
        super().__init__()
        self.conv = nn.Conv2d(c_in, c_out, k, s, k // 2, bias=False)
        self.bn = nn.BatchNorm2d(c_out)

    def forward(self, x):
        return mish_(self.bn(self.conv(x)))  # L


class CSPStage(nn.Module):
    def __init__(self, c, n=2):
        super().__init__()
        half = c // 2
        self.part1 = ConvBnMish(c, half, 1)
        self.part2 = ConvBnMish(c, half, 1)
        self.blocks = nn.ModuleList(
            nn.Sequential(ConvBnMish(half, half, 1), ConvBnMish(half, half, 3)) for _ in range(n)
        )
        self.fuse = ConvBnMish(2 * half, c, 1)

    def forward(self, x):
        y1 = self.part1(x)
        y2 = self.part2(x)
        for block in self.blocks:
            y2 = y2 + block(y2)
        return self.fuse(torch.cat([y1, y2], 1))


def run():
    torch.manual_seed(0)
    model = nn.Sequential(ConvBnMish(3, 8, 3, 2), CSPStage(8), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                          nn.Linear(8, 4))
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.937, nesterov=True)
    for _ in range(2):
        x, y = torch.randn(2, 3, 8, 8), torch.randint(0, 4, (2,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
