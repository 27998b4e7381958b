from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F

FINAL = {"tanh": torch.tanh, "clamp": partial(torch.clamp, min=-1.0, max=1.0)}


class Generator(nn.Module):
    """mel [B, n_mels, frames] -> waveform [B, frames * hop], two x2 and one x2 upsampling stages."""

    def __init__(self, cfg):
        super().__init__()
        c = cfg.channels
        self.pre = nn.Conv1d(cfg.n_mels, c, 3, padding=1)
        self.ups = nn.ModuleList(nn.ConvTranspose1d(c, c, 4, stride=2, padding=1) for _ in range(3))
        self.post = nn.Conv1d(c, 1, 3, padding=1)
        self.final = FINAL[cfg.final_activation]

    def forward(self, mel):
        x = self.pre(mel)
        for up in self.ups:
            x = up(F.leaky_relu(x, 0.1))
        return self.final(self.post(F.leaky_relu(x, 0.1))).squeeze(1)


class Discriminator(nn.Module):
    def __init__(self, channels=8):
        super().__init__()
        self.convs = nn.ModuleList([
            nn.Conv1d(1, channels, 5, stride=2, padding=2),
            nn.Conv1d(channels, channels, 5, stride=2, padding=2),
        ])
        self.out = nn.Conv1d(channels, 1, 3, padding=1)

    def forward(self, wav):
        x, feats = wav.unsqueeze(1), []
        for conv in self.convs:
            x = F.leaky_relu(conv(x), 0.1)
            feats.append(x)
        return self.out(x), feats
