"""A discrete VAE in the style of DALL-E's dVAE: the encoder gives logits over K codes per
position, the decoder reads a Gumbel-softmax relaxation, and the KL to a uniform prior is computed
from the softmax of the logits.  The KL floors the probabilities in place before the log."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class DVAE(nn.Module):
    def __init__(self, k=16, d=8):
        super().__init__()
        self.k = k
        self.enc = nn.Sequential(nn.Conv2d(3, d, 4, 2, 1), nn.ReLU(), nn.Conv2d(d, k, 1))
        self.codebook = nn.Conv2d(k, d, 1, bias=False)
        self.dec = nn.Sequential(nn.ReLU(), nn.ConvTranspose2d(d, 3, 4, 2, 1))

    def forward(self, x, tau):
        logits = self.enc(x)
        soft = F.gumbel_softmax(logits, tau=tau, dim=1)
        return self.dec(self.codebook(soft)), logits


def kl_to_uniform(logits, k):
    q = F.softmax(logits, dim=1)
    log_q = q.add_(1e-10).log()  # L
    return (q * (log_q + math.log(k))).sum(1).mean()


def run():
    torch.manual_seed(0)
    model = DVAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for step in range(2):
        x = torch.rand(2, 3, 8, 8)
        tau = max(0.5, math.exp(-1e-3 * step))
        recon, logits = model(x, tau)
        loss = F.mse_loss(recon, x) + 0.01 * kl_to_uniform(logits, model.k)
        opt.zero_grad()
        loss.backward()
        opt.step()
