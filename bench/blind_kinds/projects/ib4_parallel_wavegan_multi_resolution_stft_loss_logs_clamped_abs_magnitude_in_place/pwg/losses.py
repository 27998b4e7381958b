import torch
import torch.nn as nn
import torch.nn.functional as F

from .audio import stft_magnitude


class SpectralConvergenceLoss(nn.Module):
    def forward(self, x_mag, y_mag):
        return torch.norm(y_mag - x_mag, p="fro") / torch.norm(y_mag, p="fro")


class LogSTFTMagnitudeLoss(nn.Module):
    def forward(self, x_mag, y_mag):
        # the magnitudes are this loss's own temporaries: take the log in place
        return F.l1_loss(y_mag.log_(), x_mag.log_())  # L


class STFTLoss(nn.Module):
    def __init__(self, fft_size, shift_size, win_length, magnitude):
        super().__init__()
        self.fft_size, self.shift_size, self.win_length = fft_size, shift_size, win_length
        self.magnitude = magnitude
        self.register_buffer("window", torch.hann_window(win_length))
        self.spectral_convergence = SpectralConvergenceLoss()
        self.log_stft_magnitude = LogSTFTMagnitudeLoss()

    def forward(self, x, y):
        x_mag = stft_magnitude(x, self.fft_size, self.shift_size, self.win_length, self.window, self.magnitude)
        y_mag = stft_magnitude(y, self.fft_size, self.shift_size, self.win_length, self.window, self.magnitude)
        sc_loss = self.spectral_convergence(x_mag, y_mag)
        mag_loss = self.log_stft_magnitude(x_mag, y_mag)  # L
        return sc_loss, mag_loss


class MultiResolutionSTFTLoss(nn.Module):
    def __init__(self, resolutions, magnitude="sqrt_power"):
        super().__init__()
        self.stft_losses = nn.ModuleList(STFTLoss(fft, hop, win, magnitude) for fft, hop, win in resolutions)

    def forward(self, x, y):
        sc_loss = mag_loss = 0.0
        for f in self.stft_losses:
            sc_l, mag_l = f(x, y)
            sc_loss = sc_loss + sc_l
            mag_loss = mag_loss + mag_l
        return sc_loss / len(self.stft_losses), mag_loss / len(self.stft_losses)
