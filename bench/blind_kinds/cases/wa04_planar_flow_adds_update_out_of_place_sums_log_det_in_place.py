"""A planar-flow posterior (Rezende & Mohamed) for a small VAE: each layer moves z by u * tanh(w.z + b);
the update is added out of place, and the log-dets are summed in place into a fresh zeros tensor."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PlanarFlow(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.u = nn.Parameter(torch.randn(dim) * 0.1)
        self.w = nn.Parameter(torch.randn(dim) * 0.1)
        self.b = nn.Parameter(torch.zeros(1))

    def u_hat(self):
        wu = self.w @ self.u
        return self.u + (F.softplus(wu) - 1 - wu) * self.w / (self.w @ self.w)

    def forward(self, z):
        lin = z @ self.w + self.b
        h = torch.tanh(lin)
        u = self.u_hat()
        psi = (1 - h ** 2)[:, None] * self.w
        log_det = torch.log((1 + psi @ u).abs() + 1e-6)
        return z + u * h[:, None], log_det


class FlowVAE(nn.Module):
    def __init__(self, d_in=6, d_z=2, n_flows=2):
        super().__init__()
        self.enc = nn.Linear(d_in, 2 * d_z)
        self.flows = nn.ModuleList(PlanarFlow(d_z) for _ in range(n_flows))
        self.dec = nn.Linear(d_z, d_in)

    def forward(self, x):
        mu, log_var = self.enc(x).chunk(2, dim=-1)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * log_var)
        sum_log_det = torch.zeros(x.shape[0])
        for flow in self.flows:
            z, log_det = flow(z)
            sum_log_det += log_det  # L
        recon = F.mse_loss(self.dec(z), x, reduction="none").sum(-1)
        kl = -0.5 * (1 + log_var - mu ** 2 - log_var.exp()).sum(-1)
        return (recon + kl - sum_log_det).mean()


def run():
    torch.manual_seed(0)
    model = FlowVAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        loss = model(torch.randn(4, 6))
        opt.zero_grad()
        loss.backward()
        opt.step()
