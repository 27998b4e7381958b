import torch
import torch.nn as nn
import torch.nn.functional as F


class Prototypes(nn.Module):
    def __init__(self, dim, k):
        super().__init__()
        self.layer = nn.Linear(dim, k, bias=False)

    def normalise_(self):
        w = self.layer.weight
        w.div_(w.norm(dim=1, keepdim=True))  # L

    def forward(self, z):
        return self.layer(z)


class SwAVNet(nn.Module):
    def __init__(self, d_in=6, dim=8, k=5):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU())
        self.projector = nn.Sequential(nn.Linear(16, 16), nn.ReLU(), nn.Linear(16, dim))
        self.prototypes = Prototypes(dim, k)

    def forward(self, x):
        z = F.normalize(self.projector(self.backbone(x)), dim=1)
        return self.prototypes(z)


@torch.no_grad()
def sinkhorn(scores, eps=0.05, iters=3):
    q = torch.exp(scores / eps).t()
    q /= q.sum()
    k, b = q.shape
    for _ in range(iters):
        q /= q.sum(dim=1, keepdim=True) * k
        q /= q.sum(dim=0, keepdim=True) * b
    return (q * b).t()


def swapped_prediction(s1, s2, tau=0.1):
    q1, q2 = sinkhorn(s1), sinkhorn(s2)
    l1 = -(q2 * F.log_softmax(s1 / tau, dim=1)).sum(1).mean()
    l2 = -(q1 * F.log_softmax(s2 / tau, dim=1)).sum(1).mean()
    return (l1 + l2) / 2
