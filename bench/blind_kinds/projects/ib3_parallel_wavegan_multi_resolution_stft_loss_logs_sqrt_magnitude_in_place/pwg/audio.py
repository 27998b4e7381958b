"""STFT magnitudes for the spectral losses, by name (the config picks one)."""
import torch


def sqrt_power(spec):
    # Parallel WaveGAN's form: clamp the power, then the square root
    return torch.sqrt(torch.clamp(spec.real ** 2 + spec.imag ** 2, min=1e-7))


def abs_magnitude(spec):
    return torch.clamp(spec.abs(), min=1e-7)


MAGNITUDES = {"sqrt_power": sqrt_power, "abs": abs_magnitude}


def stft_magnitude(x, fft_size, hop_size, win_length, window, magnitude="sqrt_power"):
    spec = torch.stft(x, fft_size, hop_size, win_length, window, return_complex=True)
    return MAGNITUDES[magnitude](spec).transpose(2, 1)
