"""A VQ-VAE whose codebook is initialised by a few k-means iterations on the first training batch
(as in jukebox / vector-quantize-pytorch's `kmeans_init`).  The init runs inside the quantizer's
forward; the k-means itself works on detached encodings, but the final copy into the codebook
weight runs with grad mode on."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def kmeans(x, k, iters=3):
    centroids = x[torch.randperm(x.shape[0])[:k]].clone()
    for _ in range(iters):
        assign = torch.cdist(x, centroids).argmin(1)
        for j in range(k):
            members = x[assign == j]
            if len(members):
                centroids[j] = members.mean(0)
    return centroids


class Quantizer(nn.Module):
    def __init__(self, k=8, d=4, beta=0.25):
        super().__init__()
        self.codebook = nn.Embedding(k, d)
        self.beta = beta
        self.register_buffer("initted", torch.tensor(False))

    def init_codebook_(self, flat):
        centroids = kmeans(flat.detach(), self.codebook.num_embeddings)
        self.codebook.weight.copy_(centroids)  # L
        self.initted.fill_(True)

    def forward(self, z):
        flat = z.permute(0, 2, 3, 1).reshape(-1, z.shape[1])
        if self.training and not self.initted:
            self.init_codebook_(flat)  # L
        idx = torch.cdist(flat.detach(), self.codebook.weight.detach()).argmin(1)
        zq = self.codebook(idx)
        loss = F.mse_loss(zq, flat.detach()) + self.beta * F.mse_loss(flat, zq.detach())
        zq = flat + (zq - flat).detach()
        return zq.view(z.shape[0], z.shape[2], z.shape[3], -1).permute(0, 3, 1, 2), loss


class VQVAE(nn.Module):
    def __init__(self):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, 8, 4, 2, 1), nn.ReLU(), nn.Conv2d(8, 4, 3, 1, 1))
        self.vq = Quantizer()
        self.dec = nn.Sequential(nn.ConvTranspose2d(4, 8, 4, 2, 1), nn.ReLU(), nn.Conv2d(8, 1, 3, 1, 1))

    def forward(self, x):
        zq, vq_loss = self.vq(self.enc(x))
        return self.dec(zq), vq_loss


def run():
    torch.manual_seed(0)
    model = VQVAE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x = torch.rand(4, 1, 8, 8)
        recon, vq_loss = model(x)
        loss = F.mse_loss(recon, x) + vq_loss
        opt.zero_grad()
        loss.backward()
        opt.step()
