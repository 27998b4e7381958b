"""Instance discrimination with NCE (Wu et al. 2018) written without the repository's custom
autograd Function: the memory-bank scores from bmm are divided by T in place, Z is estimated from a
detached exponential, and log Z is subtracted in place before the in-place exp_, the last write."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class NCEAverage(nn.Module):
    def __init__(self, dim, n_data, n_neg=4, T=0.1, momentum=0.5):
        super().__init__()
        self.n_data, self.n_neg, self.T, self.momentum = n_data, n_neg, T, momentum
        self.register_buffer("memory", F.normalize(torch.randn(n_data, dim), dim=1))
        self.Z = None

    def forward(self, x, idx):
        neg = torch.randint(0, self.n_data, (x.shape[0], self.n_neg + 1))
        neg[:, 0] = idx
        weight = self.memory[neg]
        out = torch.bmm(weight, x.unsqueeze(2)).squeeze(2)
        out.div_(self.T)  # L
        if self.Z is None:
            self.Z = (out.detach().exp().mean() * self.n_data).item()
        out.sub_(math.log(self.Z)).exp_()  # L
        return out

    @torch.no_grad()
    def update(self, x, idx):
        pos = self.memory[idx].mul_(self.momentum).add_(x.detach(), alpha=1 - self.momentum)
        self.memory.index_copy_(0, idx, F.normalize(pos, dim=1))


def nce_loss(probs, n_data, eps=1e-7):
    k = probs.shape[1] - 1
    pn = 1.0 / n_data
    pos = probs[:, 0]
    neg = probs[:, 1:]
    return -(torch.log(pos / (pos + k * pn + eps)).sum() + torch.log(k * pn / (neg + k * pn + eps)).sum()) / probs.shape[0]


def run():
    torch.manual_seed(0)
    encoder = nn.Sequential(nn.Linear(6, 12), nn.ReLU(), nn.Linear(12, 5))
    nce = NCEAverage(5, n_data=20)
    opt = torch.optim.SGD(encoder.parameters(), lr=0.03, momentum=0.9)
    for _ in range(2):
        idx = torch.randperm(20)[:4]
        feats = F.normalize(encoder(torch.randn(4, 6)), dim=1)
        loss = nce_loss(nce(feats, idx), nce.n_data)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        nce.update(feats, idx)
