"""Lifted structured loss (Oh Song et al.) in its log-sum-exp form: the same-class pairs of
the exponent margin - d are set to -inf in place, then logsumexp gives the negative term."""
import torch
import torch.nn as nn


class LiftedLoss(nn.Module):
    def __init__(self, margin=1.0):
        super().__init__()
        self.margin = margin

    def forward(self, emb, labels):
        dist = torch.cdist(emb, emb)
        same = labels[:, None] == labels[None, :]
        neg = self.margin - dist
        neg.masked_fill_(same, float("-inf"))  # L
        neg_lse = torch.logsumexp(neg, 1)
        pair_neg = torch.logaddexp(neg_lse[:, None], neg_lse[None, :])
        eye = torch.eye(len(labels), dtype=torch.bool)
        pos = same & ~eye
        terms = torch.relu(pair_neg + dist)[pos]
        return terms.pow(2).mean() / 2


def run():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, 4))
    crit = LiftedLoss()
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    for _ in range(2):
        x = torch.randn(8, 6)
        y = torch.tensor([0, 0, 1, 1, 2, 2, 3, 3])
        loss = crit(net(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
