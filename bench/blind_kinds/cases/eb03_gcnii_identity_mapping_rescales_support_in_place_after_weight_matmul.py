"""GCNII (Chen et al. 2020): initial residual plus identity mapping,
h' = relu(((1 - alpha) A h + alpha h0) ((1 - beta) I + beta W)). The identity mapping is written to
reuse the support tensor: it is rescaled in place and the projected term added into it."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class GCNIIConv(nn.Module):
    def __init__(self, dim, alpha, beta):
        super().__init__()
        self.alpha, self.beta = alpha, beta
        self.weight = nn.Parameter(torch.empty(dim, dim))
        nn.init.xavier_uniform_(self.weight)

    def forward(self, h, h0, adj):
        support = (1 - self.alpha) * (adj @ h) + self.alpha * h0
        projected = support @ self.weight
        support.mul_(1 - self.beta).add_(projected, alpha=self.beta)  # L
        return support


class GCNII(nn.Module):
    def __init__(self, d_in, hidden, n_classes, n_layers=4, alpha=0.1, lam=0.5):
        super().__init__()
        self.lin_in = nn.Linear(d_in, hidden)
        self.convs = nn.ModuleList(
            GCNIIConv(hidden, alpha, math.log(lam / (i + 1) + 1)) for i in range(n_layers))
        self.lin_out = nn.Linear(hidden, n_classes)

    def forward(self, x, adj):
        h = h0 = F.relu(self.lin_in(x))
        for conv in self.convs:
            h = F.relu(conv(F.dropout(h, 0.1, self.training), h0, adj))
        return self.lin_out(h)


def normalized_adjacency(n, p=0.4):
    a = (torch.rand(n, n) < p).float()
    a = ((a + a.t()) > 0).float() + torch.eye(n)
    d = a.sum(1).rsqrt()
    return d[:, None] * a * d[None, :]


def run():
    torch.manual_seed(0)
    n = 10
    x, adj, y = torch.randn(n, 5), normalized_adjacency(n), torch.randint(0, 3, (n,))
    model = GCNII(5, 8, 3)
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        loss = F.cross_entropy(model(x, adj), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
