import torch
import torch.nn as nn


class AutoEncoder(nn.Module):
    """A tiny autoencoder with bounded (tanh) latents, trained jointly with the latent denoiser."""

    def __init__(self, d_data=12, d_latent=4, width=24):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(d_data, width), nn.SiLU(), nn.Linear(width, d_latent))
        self.dec = nn.Sequential(nn.Linear(d_latent, width), nn.SiLU(), nn.Linear(width, d_data))

    def encode(self, x):
        return torch.tanh(self.enc(x))

    def decode(self, z):
        return self.dec(z)
