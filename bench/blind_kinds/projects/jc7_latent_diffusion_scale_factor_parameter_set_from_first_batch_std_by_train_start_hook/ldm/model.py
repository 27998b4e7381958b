import torch
import torch.nn as nn


class FirstStage(nn.Module):
    """Stand-in for a pretrained, frozen VAE encoder."""

    def __init__(self, d_in=12, d_lat=4):
        super().__init__()
        self.enc = nn.Linear(d_in, d_lat)
        self.requires_grad_(False)

    def forward(self, x):
        return self.enc(x)


class LatentDiffusion(nn.Module):
    def __init__(self, d_in=12, d_lat=4, n_steps=50):
        super().__init__()
        self.first_stage = FirstStage(d_in, d_lat)
        self.unet = nn.Sequential(nn.Linear(d_lat + 1, 32), nn.SiLU(), nn.Linear(32, d_lat))
        # kept as a Parameter so that it lands in the checkpoint next to the weights
        self.scale_factor = nn.Parameter(torch.tensor(1.0))
        betas = torch.linspace(1e-4, 0.02, n_steps)
        self.register_buffer("alphas_cumprod", torch.cumprod(1 - betas, 0))

    def encode(self, x):
        return self.first_stage(x) * self.scale_factor

    def rescale_from(self, x):
        z = self.first_stage(x).detach()
        self.scale_factor.copy_(1.0 / z.flatten().std())  # L

    def loss(self, x):
        z = self.encode(x)
        t = torch.randint(0, len(self.alphas_cumprod), (x.shape[0],))
        a = self.alphas_cumprod[t][:, None]
        eps = torch.randn_like(z)
        zt = a.sqrt() * z + (1 - a).sqrt() * eps
        pred = self.unet(torch.cat([zt, t[:, None].float() / len(self.alphas_cumprod)], 1))
        return ((pred - eps) ** 2).mean()
