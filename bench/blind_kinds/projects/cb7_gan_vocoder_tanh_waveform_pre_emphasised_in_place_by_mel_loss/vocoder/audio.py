import torch


def pre_emphasis_(wav, coef):
    """y[t] = x[t] - coef * x[t - 1], in place (boosts the high band before the mel loss)."""
    wav[..., 1:] -= coef * wav[..., :-1]  # L
    return wav


def mel_filterbank(n_freqs, n_mels):
    # triangular filters on a linear scale: enough for a toy
    centers = torch.linspace(0, n_freqs - 1, n_mels + 2)
    bins = torch.arange(n_freqs, dtype=torch.float32)
    lo, mid, hi = centers[:-2, None], centers[1:-1, None], centers[2:, None]
    up = (bins - lo) / (mid - lo)
    down = (hi - bins) / (hi - mid)
    return torch.clamp(torch.minimum(up, down), min=0.0)


def log_mel(wav, n_fft, hop, fb):
    window = torch.hann_window(n_fft)
    spec = torch.stft(wav, n_fft, hop_length=hop, window=window, return_complex=True).abs()
    return torch.log(torch.clamp(fb @ spec, min=1e-5))
