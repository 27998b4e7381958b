"""VQ-VAE with an EMA codebook (updated in the quantiser's forward); the distances only pick the codes."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class EMAQuantizer(nn.Module):
    def __init__(self, dim=4, n_codes=6, decay=0.9, eps=1e-5, usage_weight=0.1):
        super().__init__()
        self.decay, self.eps, self.usage_weight = decay, eps, usage_weight
        embed = torch.randn(dim, n_codes)
        self.register_buffer("embed", embed)
        self.register_buffer("cluster_size", torch.zeros(n_codes))
        self.register_buffer("embed_avg", embed.clone())

    def forward(self, z):
        flat = z.reshape(-1, z.shape[-1])
        dist = flat.pow(2).sum(1, keepdim=True) - 2 * flat @ self.embed + self.embed.pow(2).sum(0, keepdim=True)
        codes = dist.argmin(1)
        aux = torch.zeros(())
        if self.usage_weight:
            # keep every code in use: maximise the entropy of the batch's mean soft assignment
            avg = F.softmax(-dist, dim=1).mean(0)
            aux = self.usage_weight * (avg * torch.log(avg + 1e-10)).sum()
        if self.training:
            self._ema_update(flat.detach(), F.one_hot(codes, self.embed.shape[1]).type(flat.dtype))  # L
        quant = F.embedding(codes, self.embed.t()).view_as(z)
        commit = F.mse_loss(z, quant.detach())
        return z + (quant - z).detach(), commit + aux

    @torch.no_grad()
    def _ema_update(self, flat, onehot):
        self.cluster_size.mul_(self.decay).add_(onehot.sum(0), alpha=1 - self.decay)
        self.embed_avg.mul_(self.decay).add_(flat.t() @ onehot, alpha=1 - self.decay)
        n = self.cluster_size.sum()
        size = (self.cluster_size + self.eps) / (n + self.embed.shape[1] * self.eps) * n
        self.embed.copy_(self.embed_avg / size.unsqueeze(0))  # L


class VQVAE(nn.Module):
    def __init__(self, d_in=6, dim=4, usage_weight=0.1):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(d_in, 8), nn.ReLU(), nn.Linear(8, dim))
        self.vq = EMAQuantizer(dim, usage_weight=usage_weight)
        self.dec = nn.Sequential(nn.Linear(dim, 8), nn.ReLU(), nn.Linear(8, d_in))

    def forward(self, x):
        q, vq_loss = self.vq(self.enc(x))  # L
        return self.dec(q), vq_loss


def run(usage_weight=0.0):
    torch.manual_seed(0)
    model = VQVAE(usage_weight=usage_weight)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.randn(8, 6)
        recon, vq_loss = model(x)
        loss = F.mse_loss(recon, x) + 0.25 * vq_loss
        opt.zero_grad()
        loss.backward()
        opt.step()
