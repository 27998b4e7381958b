import torch.nn as nn


class SqueezeExcite(nn.Module):
    def __init__(self, c, r=2):
        super().__init__()
        self.fc1 = nn.Conv2d(c, c // r, 1)
        self.fc2 = nn.Conv2d(c // r, c, 1)
        self.gate = nn.Sigmoid()

    def forward(self, x):
        s = x.mean((2, 3), keepdim=True)
        return x * self.gate(self.fc2(self.fc1(s).relu()))


class SEBlock(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv1 = nn.Conv2d(c, c, 3, padding=1)
        self.conv2 = nn.Conv2d(c, c, 3, padding=1)
        self.se = SqueezeExcite(c)

    def forward(self, x):
        return (x + self.se(self.conv2(self.conv1(x).relu()))).relu()


class SEResNet(nn.Module):
    def __init__(self, c, n, classes):
        super().__init__()
        self.stem = nn.Conv2d(3, c, 3, padding=1)
        self.blocks = nn.Sequential(*[SEBlock(c) for _ in range(n)])
        self.head = nn.Linear(c, classes)

    def forward(self, x):
        return self.head(self.blocks(self.stem(x)).mean((2, 3)))
