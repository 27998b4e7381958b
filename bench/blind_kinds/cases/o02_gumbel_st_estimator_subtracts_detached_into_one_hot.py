"""Straight-through Gumbel-softmax for a discrete latent; the ST trick written in place on the one-hot."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DiscreteBottleneck(nn.Module):
    def __init__(self, dim=8, n_codes=5, tau=0.7, mode="hard"):
        super().__init__()
        self.to_logits = nn.Linear(dim, n_codes)
        self.codebook = nn.Linear(n_codes, dim, bias=False)
        self.tau, self.mode = tau, mode

    def sample(self, logits):
        g = -torch.empty_like(logits).exponential_().log()
        y = F.softmax((logits + g) / self.tau, dim=-1)
        match self.mode:
            case "soft":
                return y
            case "hard":
                idx = y.argmax(-1, keepdim=True)
                y_hard = torch.zeros_like(y).scatter_(-1, idx, 1.0)
                return y_hard.sub_(y.detach()).add_(y)  # L
            case other:
                raise ValueError(other)

    def forward(self, h):
        return self.codebook(self.sample(self.to_logits(h)))


def run():
    torch.manual_seed(0)
    enc, dec = nn.Linear(6, 8), nn.Linear(8, 6)
    vq = DiscreteBottleneck()
    params = [*enc.parameters(), *vq.parameters(), *dec.parameters()]
    opt = torch.optim.Adam(params, lr=1e-3)
    for _ in range(2):
        x = torch.randn(4, 6)
        recon = dec(vq(enc(x)))
        loss = F.mse_loss(recon, x)
        opt.zero_grad()
        loss.backward()
        opt.step()
