import torch.nn as nn

from .quantizer import VectorQuantizer


class VQVAE(nn.Module):
    def __init__(self, d_in, d_latent, codes, restart=None):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, d_latent))
        self.quantizer = VectorQuantizer(codes, d_latent, restart=restart)
        self.decoder = nn.Sequential(nn.Linear(d_latent, 16), nn.ReLU(), nn.Linear(16, d_in))

    def forward(self, x):
        zq, vq_loss = self.quantizer(self.encoder(x))
        return self.decoder(zq), vq_loss


def build_vqvae(cfg, restart=None):
    return VQVAE(cfg["d_in"], cfg["d_latent"], cfg["codes"], restart=restart)
