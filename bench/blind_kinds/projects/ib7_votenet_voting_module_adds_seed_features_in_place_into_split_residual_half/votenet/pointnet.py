"""A one-level set abstraction (PointNet++ style): farthest point sampling of seeds, kNN grouping
and a shared MLP max-pooled per group. Optionally run under activation checkpointing."""
import torch
import torch.nn as nn
from torch.utils.checkpoint import checkpoint


def farthest_point_sample(xyz, n_samples):
    B, N, _ = xyz.shape
    idx = torch.zeros(B, n_samples, dtype=torch.long)
    dist = torch.full((B, N), float("inf"))
    farthest = torch.zeros(B, dtype=torch.long)
    batch = torch.arange(B)
    for i in range(n_samples):
        idx[:, i] = farthest
        centroid = xyz[batch, farthest].unsqueeze(1)
        dist = torch.minimum(dist, ((xyz - centroid) ** 2).sum(-1))
        farthest = dist.argmax(-1)
    return idx


def gather_points(x, idx):
    return torch.gather(x, 1, idx.unsqueeze(-1).expand(-1, -1, x.shape[-1]))


class SetAbstraction(nn.Module):
    def __init__(self, n_seeds, k, d_in, widths, use_checkpoint=False):
        super().__init__()
        self.n_seeds, self.k, self.use_checkpoint = n_seeds, k, use_checkpoint
        layers, d = [], d_in + 3
        for w in widths:
            layers += [nn.Conv2d(d, w, 1), nn.BatchNorm2d(w), nn.ReLU()]
            d = w
        self.mlp = nn.Sequential(*layers)

    def group(self, xyz, feats, seed_xyz):
        knn = torch.cdist(seed_xyz, xyz).topk(self.k, largest=False).indices  # B, S, k
        B, S, k = knn.shape
        flat = knn.reshape(B, S * k)
        rel = (gather_points(xyz, flat).reshape(B, S, k, 3) - seed_xyz.unsqueeze(2))
        grouped = torch.cat([rel, gather_points(feats, flat).reshape(B, S, k, -1)], -1)
        return grouped.permute(0, 3, 1, 2)  # B, C, S, k

    def pool(self, grouped):
        return self.mlp(grouped).max(-1).values  # B, C, S

    def forward(self, xyz, feats):
        seed_idx = farthest_point_sample(xyz, self.n_seeds)
        seed_xyz = gather_points(xyz, seed_idx)
        grouped = self.group(xyz, feats, seed_xyz)
        if self.use_checkpoint and self.training:
            seed_feats = checkpoint(self.pool, grouped, use_reentrant=False)
        else:
            seed_feats = self.pool(grouped)
        return seed_xyz, seed_feats
