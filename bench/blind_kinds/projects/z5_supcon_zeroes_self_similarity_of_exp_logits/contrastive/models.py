import torch.nn as nn
import torch.nn.functional as F


class Encoder(nn.Module):
    def __init__(self, d_in=8, dim=16, proj_dim=6, head="mlp"):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, dim), nn.ReLU(inplace=True), nn.Linear(dim, dim))
        self.heads = nn.ModuleDict({
            "mlp": nn.Sequential(nn.Linear(dim, dim), nn.ReLU(inplace=True), nn.Linear(dim, proj_dim)),
            "linear": nn.Linear(dim, proj_dim),
        })
        self.head_name = head

    def forward(self, x):
        return F.normalize(self.heads[self.head_name](self.backbone(x)), dim=-1)
