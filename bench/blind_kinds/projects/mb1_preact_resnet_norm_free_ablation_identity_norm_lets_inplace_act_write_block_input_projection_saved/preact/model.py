import torch.nn as nn

from .blocks import PreActBlock
from .factory import make_act, make_norm


class PreActResNet(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        width = cfg["stem"]
        self.stem = nn.Conv2d(3, width, 3, padding=1, bias=False)
        blocks = []
        for i, (c_out, depth) in enumerate(zip(cfg["widths"], cfg["depths"])):
            for j in range(depth):
                stride = 2 if (i > 0 and j == 0) else 1
                blocks.append(PreActBlock(width, c_out, stride, cfg["norm"], cfg["act"]))
                width = c_out
        self.blocks = nn.Sequential(*blocks)
        self.final = nn.Sequential(make_norm(cfg["norm"], width), make_act(cfg["act"]))
        self.fc = nn.Linear(width, cfg["classes"])

    def forward(self, x):
        x = self.blocks(self.stem(x))  # L
        return self.fc(self.final(x).mean((2, 3)))
