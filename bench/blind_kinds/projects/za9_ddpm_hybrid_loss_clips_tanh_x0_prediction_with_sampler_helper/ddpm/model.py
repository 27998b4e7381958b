import torch
import torch.nn as nn


class X0Denoiser(nn.Module):
    """Predicts the clean sample directly; data lives in [-1, 1], so the output is a tanh."""

    def __init__(self, dim=4, hidden=32, steps=20):
        super().__init__()
        self.t_embed = nn.Embedding(steps, hidden)
        self.inp = nn.Linear(dim, hidden)
        self.body = nn.Sequential(nn.SiLU(), nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, dim))

    def forward(self, x_t, t):
        return torch.tanh(self.body(self.inp(x_t) + self.t_embed(t)))
