import torch.nn as nn

from .quantizers import QUANTIZERS


class VQVAE(nn.Module):
    def __init__(self, quantizer="hard", num_codes=64, dim=4):
        super().__init__()
        self.enc = nn.Sequential(nn.Linear(12, 16), nn.ReLU(), nn.Linear(16, dim))
        self.quantizer = QUANTIZERS[quantizer](num_codes, dim)
        self.dec = nn.Sequential(nn.Linear(dim, 16), nn.ReLU(), nn.Linear(16, 12))

    def forward(self, x):
        z = self.enc(x)
        zq, idx, vq_loss = self.quantizer(z)
        return {"recon": self.dec(zq), "z": z, "idx": idx, "vq_loss": vq_loss}
