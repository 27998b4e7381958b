"""A two-layer Ladder VAE (Sonderby et al., 2016). In the top-down pass the bottom-up (likelihood)
Gaussian and the top-down (prior) Gaussian are merged by precision weighting. The variances come
from a softplus of the variance heads (as in the paper's code); the merge turns the bottom-up variances
into precisions in place ("reciprocal_: the bottom-up variance is not needed again"); the prior's
variance is kept for the KL term."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class GaussianHead(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.mu = nn.Linear(d_in, d_out)
        self.raw_var = nn.Linear(d_in, d_out)

    def forward(self, h):
        return self.mu(h), F.softplus(self.raw_var(h))


def precision_merge(mu_q, var_q, mu_p, var_p):
    prec_q, prec_p = var_q.reciprocal_(), 1.0 / var_p  # L
    var = 1.0 / (prec_q + prec_p)
    return (mu_q * prec_q + mu_p * prec_p) * var, var


def kl_normal(mu_q, var_q, mu_p, var_p):
    return 0.5 * (torch.log(var_p / var_q) + (var_q + (mu_q - mu_p) ** 2) / var_p - 1).sum(-1)


class LadderVAE(nn.Module):
    def __init__(self, d_x=12, d_h=16, z1=4, z2=2):
        super().__init__()
        self.up1 = nn.Sequential(nn.Linear(d_x, d_h), nn.LeakyReLU())
        self.up2 = nn.Sequential(nn.Linear(d_h, d_h), nn.LeakyReLU())
        self.q1, self.q2 = GaussianHead(d_h, z1), GaussianHead(d_h, z2)
        self.p1 = GaussianHead(z2, z1)
        self.dec = nn.Sequential(nn.Linear(z1, d_h), nn.LeakyReLU(), nn.Linear(d_h, d_x))

    def forward(self, x):
        d1 = self.up1(x)
        d2 = self.up2(d1)
        mu2, var2 = self.q2(d2)
        z2 = mu2 + var2.sqrt() * torch.randn_like(mu2)
        mu_p1, var_p1 = self.p1(z2)
        mu_q1, var_q1 = self.q1(d1)
        mu1, var1 = precision_merge(mu_q1, var_q1, mu_p1, var_p1)  # L
        z1 = mu1 + var1.sqrt() * torch.randn_like(mu1)
        kl = kl_normal(mu1, var1, mu_p1, var_p1)
        kl = kl + kl_normal(mu2, var2, torch.zeros_like(mu2), torch.ones_like(var2))
        return self.dec(z1), kl


def run():
    torch.manual_seed(0)
    model = LadderVAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.rand(8, 12)
        recon, kl = model(x)
        loss = F.binary_cross_entropy_with_logits(recon, x, reduction="none").sum(-1).add(kl).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
