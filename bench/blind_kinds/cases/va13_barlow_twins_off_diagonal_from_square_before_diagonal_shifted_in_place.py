"""Barlow Twins: cross-correlation of batch-normalised embeddings; the redundancy term via c.pow(2) minus its diagonal."""
import torch
import torch.nn as nn


class BarlowTwins(nn.Module):
    def __init__(self, d_in=6, dim=5, lambd=5e-3):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, 8), nn.ReLU())
        self.projector = nn.Sequential(nn.Linear(8, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, dim))
        self.bn = nn.BatchNorm1d(dim, affine=False)
        self.lambd = lambd

    def forward(self, y1, y2):
        z1 = self.projector(self.backbone(y1))
        z2 = self.projector(self.backbone(y2))
        c = self.bn(z1).T @ self.bn(z2) / z1.shape[0]
        off_diag = c.pow(2).sum() - torch.diagonal(c).pow(2).sum()
        on_diag = torch.diagonal(c).add_(-1).pow_(2).sum()  # L
        return on_diag + self.lambd * off_diag


def run():
    torch.manual_seed(0)
    model = BarlowTwins()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    for _ in range(2):
        x = torch.randn(6, 6)
        loss = model(x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x))
        opt.zero_grad()
        loss.backward()
        opt.step()
