from dataclasses import dataclass, field
from typing import List

import torch.nn as nn

BLOCKS = {}


def register_block(name):
    def deco(cls):
        BLOCKS[name] = cls
        return cls
    return deco


@dataclass
class ResNetConfig:
    block: str = "basic"
    stem: int = 8
    widths: List[int] = field(default_factory=lambda: [16, 32])
    depths: List[int] = field(default_factory=lambda: [2, 1])
    classes: int = 4


def make_stage(block_cls, c_in, c_out, depth, stride):
    layers = [block_cls(c_in, c_out, stride)]
    layers += [block_cls(c_out, c_out, 1) for _ in range(depth - 1)]
    return nn.Sequential(*layers)


class ResNet(nn.Module):
    def __init__(self, cfg: ResNetConfig):
        super().__init__()
        block_cls = BLOCKS[cfg.block]
        self.stem = nn.Sequential(nn.Conv2d(3, cfg.stem, 3, padding=1, bias=False),
                                  nn.BatchNorm2d(cfg.stem), nn.ReLU(inplace=True))
        stages, c_in = [], cfg.stem
        for i, (c_out, depth) in enumerate(zip(cfg.widths, cfg.depths)):
            stages.append(make_stage(block_cls, c_in, c_out, depth, stride=1 if i == 0 else 2))
            c_in = c_out
        self.stages = nn.Sequential(*stages)
        self.fc = nn.Linear(c_in, cfg.classes)

    def forward(self, x):
        x = self.stages(self.stem(x))  # L
        return self.fc(x.mean((2, 3)))


def build_resnet(cfg: ResNetConfig):
    return ResNet(cfg)
