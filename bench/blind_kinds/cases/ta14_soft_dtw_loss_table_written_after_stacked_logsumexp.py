"""Sequence-to-sequence regression trained with a dynamic-time-warping loss (soft-DTW: smoothed min over the stacked neighbours)."""
import torch
import torch.nn as nn


def soft_dtw(pred, target, gamma=0.1):
    n, m = pred.shape[0], target.shape[0]
    cost = torch.cdist(pred, target).pow(2)
    R = torch.full((n + 1, m + 1), float("inf"))
    R[0, 0] = 0.0
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            prev = torch.stack([R[i - 1, j - 1], R[i - 1, j], R[i, j - 1]])
            best = -gamma * torch.logsumexp(-prev / gamma, dim=0)
            R[i, j] = cost[i - 1, j - 1] + best  # L
    return R[n, m]


class Decoder(nn.Module):
    def __init__(self, d_in=2, hidden=6, d_out=2):
        super().__init__()
        self.rnn = nn.GRU(d_in, hidden, batch_first=True)
        self.out = nn.Linear(hidden, d_out)

    def forward(self, x):
        h, _ = self.rnn(x)
        return self.out(h)


def run():
    torch.manual_seed(0)
    model = Decoder()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        src, tgt = torch.randn(2, 4, 2), torch.randn(2, 5, 2)
        pred = model(src)
        loss = sum(soft_dtw(p, t) for p, t in zip(pred, tgt)) / len(pred)
        opt.zero_grad()
        loss.backward()
        opt.step()
