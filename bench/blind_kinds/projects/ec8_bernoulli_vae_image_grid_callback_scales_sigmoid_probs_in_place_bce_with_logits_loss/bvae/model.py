import torch
import torch.nn as nn


class BernoulliVAE(nn.Module):
    def __init__(self, d=16, z=4, hidden=32):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), nn.Linear(hidden, 2 * z))
        self.dec = nn.Sequential(nn.Linear(z, hidden), nn.ReLU(), nn.Linear(hidden, d))

    def forward(self, x):
        mu, logvar = self.enc(x).chunk(2, dim=-1)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * logvar)
        logits = self.dec(z)
        return {"logits": logits, "probs": torch.sigmoid(logits), "mu": mu, "logvar": logvar}
