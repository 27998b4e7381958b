import torch
import torch.nn as nn


class Denoiser(nn.Module):
    """An x0-predicting MLP conditioned on the time and on a previous estimate of x0 (self-
    conditioning, Chen et al.'s Analog Bits): the estimate is concatenated to the noisy input."""

    def __init__(self, d=6, hid=32, timesteps=50):
        super().__init__()
        self.time = nn.Embedding(timesteps, hid)
        self.inp = nn.Linear(2 * d, hid)
        self.body = nn.Sequential(nn.SiLU(), nn.Linear(hid, hid), nn.SiLU(), nn.Linear(hid, d))

    def forward(self, x_t, t, x0_prev):
        return self.body(self.inp(torch.cat([x_t, x0_prev], -1)) + self.time(t))
