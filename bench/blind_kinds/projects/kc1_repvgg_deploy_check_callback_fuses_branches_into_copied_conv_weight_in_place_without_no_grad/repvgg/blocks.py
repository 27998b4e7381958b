import torch
import torch.nn as nn

from .ops import merge_into_


class RepVGGBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv3 = nn.Conv2d(cin, cout, 3, padding=1)
        self.conv1 = nn.Conv2d(cin, cout, 1)
        self.with_identity = cin == cout
        self.deployed = False

    def forward(self, x):
        if self.deployed:
            return torch.relu(self.conv3(x))
        out = self.conv3(x) + self.conv1(x)
        if self.with_identity:
            out = out + x
        return torch.relu(out)

    def switch_to_deploy(self):
        merge_into_(self.conv3, self.conv1, self.with_identity)  # L
        del self.conv1
        self.deployed = True


class RepVGGNet(nn.Module):
    def __init__(self, cin, widths, classes):
        super().__init__()
        blocks, c = [], cin
        for w in widths:
            blocks.append(RepVGGBlock(c, w))
            c = w
        self.blocks = nn.Sequential(*blocks)
        self.head = nn.Linear(c, classes)

    def forward(self, x):
        return self.head(self.blocks(x).mean((2, 3)))

    def reparameterize(self):
        for block in self.blocks:
            block.switch_to_deploy()  # L
        return self
