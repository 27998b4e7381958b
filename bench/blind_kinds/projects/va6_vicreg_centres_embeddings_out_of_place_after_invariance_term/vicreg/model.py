import torch.nn as nn


class VICReg(nn.Module):
    def __init__(self, d_in=6, feat=8, proj=(8, 8)):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, feat), nn.ReLU())
        layers, prev = [], feat
        for i, width in enumerate(proj):
            layers.append(nn.Linear(prev, width))
            if i < len(proj) - 1:
                layers += [nn.BatchNorm1d(width), nn.ReLU()]
            prev = width
        self.projector = nn.Sequential(*layers)

    def forward(self, x1, x2):
        return self.projector(self.backbone(x1)), self.projector(self.backbone(x2))
