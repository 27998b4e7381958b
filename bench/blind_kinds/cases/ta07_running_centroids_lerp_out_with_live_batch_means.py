"""Nearest-centroid classifier trained on distances to running class centroids (a buffer, lerp-updated)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class CentroidHead(nn.Module):
    def __init__(self, n_classes, dim, momentum=0.1, temperature=0.5):
        super().__init__()
        self.register_buffer("centroids", torch.randn(n_classes, dim))
        self.momentum, self.temperature = momentum, temperature

    def batch_means(self, feats, labels):
        sums = torch.zeros_like(self.centroids).index_add(0, labels, feats)
        counts = torch.bincount(labels, minlength=self.centroids.shape[0]).clamp_min(1)
        return sums / counts.unsqueeze(1)

    def update(self, means):
        torch.lerp(self.centroids, means, self.momentum, out=self.centroids)  # L

    def forward(self, feats, labels=None):
        if self.training and labels is not None:
            self.update(self.batch_means(feats, labels))  # L
        logits = -torch.cdist(feats, self.centroids) / self.temperature
        return logits


def run():
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(5, 8), nn.ReLU(), nn.Linear(8, 4))
    head = CentroidHead(3, 4)
    opt = torch.optim.SGD(encoder.parameters(), lr=0.05, momentum=0.9)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=0.9)
    for _ in range(3):
        x, y = torch.randn(9, 5), torch.arange(9) % 3
        loss = F.cross_entropy(head(encoder(x), y), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
