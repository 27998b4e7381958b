"""Batch-hard triplet loss on squared distances (person re-id style) over P x K sampled batches."""
import itertools
import random

import torch
import torch.nn as nn
import torch.nn.functional as F


class BatchHardTriplet:
    def __init__(self, margin=0.3):
        self.margin = margin

    @staticmethod
    def pairwise(emb):
        diff = emb.unsqueeze(1) - emb.unsqueeze(0)
        return diff.pow(2).sum(-1)

    def __call__(self, emb, labels):
        dist = self.pairwise(emb)
        same = labels[:, None] == labels[None, :]
        hardest_pos = dist.masked_fill(~same, 0.0).amax(1)
        dist.masked_fill_(same, float("inf"))  # L
        hardest_neg = dist.amin(1)
        return F.relu(hardest_pos - hardest_neg + self.margin).mean()


def pk_batches(labels, p, k, rng):
    by_id = {}
    for i, lab in enumerate(labels):
        by_id.setdefault(lab, []).append(i)
    while True:
        ids = rng.sample(sorted(by_id), p)
        yield list(itertools.chain.from_iterable(rng.sample(by_id[i], k) for i in ids))


class Embedder(nn.Module):
    def __init__(self, d_in=10, d_emb=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 32), nn.BatchNorm1d(32), nn.ReLU(), nn.Linear(32, d_emb))

    def forward(self, x):
        return F.normalize(self.net(x), dim=-1)


def run():
    torch.manual_seed(0)
    rng = random.Random(0)
    labels = [i // 4 for i in range(24)]
    data = torch.randn(24, 10) + torch.tensor(labels, dtype=torch.float)[:, None]
    model, criterion = Embedder(), BatchHardTriplet()
    opt = torch.optim.Adam(model.parameters(), lr=3e-4)
    for step, idx in zip(range(2), pk_batches(labels, p=3, k=2, rng=rng)):
        loss = criterion(model(data[idx]), torch.tensor([labels[i] for i in idx]))
        opt.zero_grad()
        loss.backward()
        opt.step()
