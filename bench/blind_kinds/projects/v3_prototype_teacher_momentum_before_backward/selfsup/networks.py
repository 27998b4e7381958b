import torch
import torch.nn as nn
import torch.nn.functional as F


class PrototypeNet(nn.Module):
    def __init__(self, d_in=6, dim=8, n_protos=5):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, 16), nn.GELU(), nn.Linear(16, dim))
        self.prototypes = nn.Parameter(torch.randn(n_protos, dim))

    def embed(self, x):
        return F.normalize(self.backbone(x), dim=-1)

    def assign(self, z, prototypes=None, temp=0.1):
        protos = self.prototypes if prototypes is None else prototypes
        return z @ protos.T / temp
