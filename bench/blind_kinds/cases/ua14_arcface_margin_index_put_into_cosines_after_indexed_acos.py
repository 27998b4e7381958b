"""ArcFace head: an angular margin on the target entries, indexed out and written back."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class ArcFaceHead(nn.Module):
    def __init__(self, dim, n_classes, s=16.0, m=0.3):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(n_classes, dim))
        self.s, self.m = s, m

    def forward(self, emb, labels):
        cos = F.linear(F.normalize(emb), F.normalize(self.weight)).clamp(-1 + 1e-6, 1 - 1e-6)
        rows = torch.arange(len(labels))
        theta = torch.acos(cos[rows, labels])
        cos[rows, labels] = torch.cos(theta + self.m)  # L
        return self.s * cos


def run():
    torch.manual_seed(0)
    backbone = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 5))
    head = ArcFaceHead(5, 4)
    opt = torch.optim.SGD(list(backbone.parameters()) + list(head.parameters()), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(6, 6), torch.randint(0, 4, (6,))
        loss = F.cross_entropy(head(backbone(x), y), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
