"""VQ-VAE with an EMA codebook (a buffer) and an entropy penalty on soft code assignments."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class EMAQuantizer(nn.Module):
    def __init__(self, n_codes=8, dim=4, decay=0.9):
        super().__init__()
        self.decay = decay
        self.register_buffer("codebook", torch.randn(n_codes, dim))
        self.register_buffer("cluster_size", torch.ones(n_codes))
        self.register_buffer("embed_sum", self.codebook.clone())

    def distances(self, z):
        return (z * z).sum(1, keepdim=True) - 2 * z @ self.codebook.t() + (self.codebook ** 2).sum(1)

    def ema_update(self, z, idx):
        onehot = F.one_hot(idx, self.codebook.shape[0]).type_as(z)
        self.cluster_size.mul_(self.decay).add_(onehot.sum(0), alpha=1 - self.decay)
        self.embed_sum.mul_(self.decay).add_(onehot.t() @ z.detach(), alpha=1 - self.decay)
        self.codebook.copy_(self.embed_sum / self.cluster_size[:, None].clamp(min=1e-5))  # L

    def forward(self, z):
        dist = self.distances(z)
        idx = dist.argmin(1)
        soft = F.softmax(-dist, dim=1)
        entropy = -(soft * torch.log(soft + 1e-8)).sum(1).mean()
        if self.training:
            self.ema_update(z, idx)  # L
        z_q = F.embedding(idx, self.codebook)
        commit = F.mse_loss(z, z_q)
        return z + (z_q - z).detach(), commit + 0.1 * entropy


class VQVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 4))
        self.vq = EMAQuantizer()
        self.dec = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 6))

    def forward(self, x):
        z_q, vq_loss = self.vq(self.enc(x))
        return F.mse_loss(self.dec(z_q), x) + 0.25 * vq_loss


def run():
    torch.manual_seed(0)
    model = VQVAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        loss = model(torch.randn(10, 6))
        opt.zero_grad()
        loss.backward()
        opt.step()
