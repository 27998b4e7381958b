import torch
import torch.nn as nn


class LearnedFilterbank(nn.Module):
    """Complex filters as paired real/imaginary convolutions; returns the magnitude spectrogram."""

    def __init__(self, n_filters=6, kernel=9, hop=4):
        super().__init__()
        self.conv = nn.Conv1d(1, 2 * n_filters, kernel, stride=hop, padding=kernel // 2, bias=False)

    def forward(self, wave):
        re, im = self.conv(wave.unsqueeze(1)).chunk(2, dim=1)
        return (re.pow(2) + im.pow(2) + 1e-6).sqrt()
