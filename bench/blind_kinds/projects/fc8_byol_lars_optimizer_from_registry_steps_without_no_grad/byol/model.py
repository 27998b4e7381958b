import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(d_in, d_hidden, d_out):
    return nn.Sequential(nn.Linear(d_in, d_hidden), nn.BatchNorm1d(d_hidden), nn.ReLU(inplace=True), nn.Linear(d_hidden, d_out))


class BYOL(nn.Module):
    def __init__(self, d_in=6, dim=8, tau=0.99):
        super().__init__()
        self.online = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), mlp(16, 16, dim))
        self.predictor = mlp(dim, 16, dim)
        self.target = copy.deepcopy(self.online).requires_grad_(False)
        self.tau = tau

    @torch.no_grad()
    def update_target(self):
        for pt, po in zip(self.target.parameters(), self.online.parameters()):
            pt.lerp_(po, 1 - self.tau)

    def forward(self, v1, v2):
        p1, p2 = self.predictor(self.online(v1)), self.predictor(self.online(v2))
        with torch.no_grad():
            t1, t2 = self.target(v1), self.target(v2)
        loss = lambda p, t: 2 - 2 * F.cosine_similarity(p, t, dim=1).mean()
        return loss(p1, t2) + loss(p2, t1)
