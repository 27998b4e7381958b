import torch.nn as nn


class SimCLRNet(nn.Module):
    def __init__(self, in_dim=6, feat_dim=8, proj_dim=4):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(in_dim, feat_dim), nn.BatchNorm1d(feat_dim), nn.ReLU())
        self.projector = nn.Sequential(nn.Linear(feat_dim, feat_dim), nn.ReLU(), nn.Linear(feat_dim, proj_dim))

    def forward(self, x):
        return self.projector(self.backbone(x))
