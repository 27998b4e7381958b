# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# nn.Sequential(*module_list) applies the ModuleList's modules in order; the engine applies the join of all of them once, so ReLU(inplace=True) seems to hit the Sequential's input (kornia DexiNed UpConvBlock). Fires 1 warning.
# Runs and backpropagates cleanly under torch 2.13.
import torch
import torch.nn as nn


class Up(nn.Module):
    def __init__(self, c: int, n: int):
        super().__init__()
        layers = nn.ModuleList([])
        for _ in range(n):
            layers.append(nn.Conv2d(c, c, 1))
            layers.append(nn.ReLU(inplace=True))
            layers.append(nn.ConvTranspose2d(c, c, 2, stride=2))
        self.features = nn.Sequential(*layers)

    def forward(self, x):
        return self.features(x)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.side = nn.Conv2d(2, 2, 1)
        self.up = Up(2, 2)

    def forward(self, x):
        return self.side(x).sum() + self.up(x).sum()


def main():
    x = torch.randn(1, 2, 3, 3, requires_grad=True)
    Net()(x * 1.0).backward()


main()
