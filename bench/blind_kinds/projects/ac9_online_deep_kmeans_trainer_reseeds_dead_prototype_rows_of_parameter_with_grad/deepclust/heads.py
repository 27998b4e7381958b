import torch
import torch.nn as nn


class PrototypeHead(nn.Module):
    def __init__(self, k, dim):
        super().__init__()
        init = torch.randn(k, dim) * 0.1
        init[-1] += 50.0  # a prototype far from every code: a cluster that starts empty
        self.centroids = nn.Parameter(init)

    def forward(self, z):
        return torch.cdist(z, self.centroids).pow(2)
