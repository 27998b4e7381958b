"""Person re-ID style embedding net trained with the batch-hard triplet loss.

The miner takes the pairwise distance matrix and hides the diagonal (and same-identity pairs)
before picking the hardest negative. The distances are squared Euclidean by the expansion
``|a|^2 + |b|^2 - 2 a.b`` (an addition's result, which nothing saves), so the miner's
``fill_diagonal_`` / ``masked_fill_`` write a tensor no backward needs.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def pairwise_distances(emb):
    sq = emb.pow(2).sum(-1)
    return sq[:, None] + sq[None, :] - 2.0 * emb @ emb.t()


class BatchHardTriplet(nn.Module):
    def __init__(self, margin=0.3, distance=pairwise_distances):
        super().__init__()
        self.margin = margin
        self.distance = distance

    def forward(self, emb, labels):
        dist = self.distance(emb)
        same = labels[:, None] == labels[None, :]
        hardest_pos = (dist * same.float()).max(1).values
        dist.fill_diagonal_(float("inf"))  # L
        dist.masked_fill_(same, float("inf"))  # L
        hardest_neg = dist.min(1).values
        return F.relu(hardest_pos - hardest_neg + self.margin).mean()


class Embedder(nn.Module):
    def __init__(self, d_in=10, dim=4):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, dim))

    def forward(self, x):
        return F.normalize(self.net(x), dim=-1)


def run():
    torch.manual_seed(0)
    model, criterion = Embedder(), BatchHardTriplet()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True)
    labels = torch.arange(3).repeat_interleave(2)
    for _ in range(2):
        x = torch.randn(6, 10)
        loss = criterion(model(x), labels)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
