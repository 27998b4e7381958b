import torch.nn as nn

from .heads import GaussianHead, HeadConfig


class Regressor(nn.Module):
    def __init__(self, backbone, head):
        super().__init__()
        self.backbone = backbone
        self.head = head

    def forward(self, x):
        return self.head(self.backbone(x))  # L


def build_regressor(d_in, hidden=(16, 16), head=None):
    layers, width = [], d_in
    for h in hidden:
        layers += [nn.Linear(width, h), nn.SiLU()]
        width = h
    return Regressor(nn.Sequential(*layers), GaussianHead(width, HeadConfig(**(head or {}))))
