import torch
import torch.nn as nn

from .ops import compl_mul1d


class SpectralConv1d(nn.Module):
    """Fourier layer: keep the lowest `modes` frequencies, mix channels there, drop the rest."""

    def __init__(self, width, modes, reuse_spectrum=False):
        super().__init__()
        self.modes = modes
        self.reuse_spectrum = reuse_spectrum
        scale = 1.0 / (width * width)
        self.weight = nn.Parameter(scale * torch.randn(width, width, modes, dtype=torch.cfloat))

    def forward(self, x):
        m = self.modes
        x_ft = torch.fft.rfft(x)
        if self.reuse_spectrum:
            # saves allocating a second spectrum per layer
            x_ft[:, :, :m] = compl_mul1d(x_ft[:, :, :m], self.weight)  # L
            x_ft[:, :, m:] = 0  # L
            out_ft = x_ft
        else:
            out_ft = torch.zeros_like(x_ft)
            out_ft[:, :, :m] = compl_mul1d(x_ft[:, :, :m], self.weight)  # L
        return torch.fft.irfft(out_ft, n=x.shape[-1])
