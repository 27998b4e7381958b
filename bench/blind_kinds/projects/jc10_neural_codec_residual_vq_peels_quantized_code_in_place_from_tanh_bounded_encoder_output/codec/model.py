import torch.nn as nn

from .rvq import ResidualVQ


class Codec(nn.Module):
    """Frame-wise toy codec: encoder (tanh-bounded latents) -> residual VQ -> decoder."""

    def __init__(self, frame=16, dim=4, n_q=3):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(frame, 32), nn.ELU(), nn.Linear(32, dim), nn.Tanh())
        self.rvq = ResidualVQ(n_q=n_q, dim=dim)
        self.decoder = nn.Sequential(nn.Linear(dim, 32), nn.ELU(), nn.Linear(32, frame))

    def forward(self, frames):
        z = self.encoder(frames)
        zq, vq_loss = self.rvq(z)
        return self.decoder(zq), vq_loss
