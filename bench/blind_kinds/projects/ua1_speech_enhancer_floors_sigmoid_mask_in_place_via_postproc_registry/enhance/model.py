"""Magnitude-mask speech enhancer: predicts a [0, 1] mask per time-frequency bin."""
import torch
import torch.nn as nn


class MaskEstimator(nn.Module):
    def __init__(self, n_freq, hidden, postproc, post_on="mask"):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_freq, hidden), nn.ReLU(), nn.Linear(hidden, n_freq))
        self.postproc = postproc
        self.post_on = post_on

    def estimate_mask(self, noisy_mag):
        logits = self.net(torch.log1p(noisy_mag))
        if self.post_on == "logits":
            logits = self.postproc(logits)  # L
        mask = torch.sigmoid(logits)
        if self.post_on == "mask":
            mask = self.postproc(mask)  # L
        return mask

    def forward(self, noisy_mag):
        # frames on the last-but-one axis, frequency bins last
        return self.estimate_mask(noisy_mag) * noisy_mag
