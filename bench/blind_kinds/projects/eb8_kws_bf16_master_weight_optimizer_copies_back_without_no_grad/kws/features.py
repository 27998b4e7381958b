import torch
import torch.nn as nn


def mel_filterbank(n_freq, n_mels):
    """Triangular filters evenly spaced on the mel scale (no librosa needed)."""
    mel = torch.linspace(0, 2595 * torch.log10(torch.tensor(1 + 4000 / 700)), n_mels + 2)
    hz = 700 * (10 ** (mel / 2595) - 1)
    bins = hz / 4000 * (n_freq - 1)
    freqs = torch.arange(n_freq).float()
    lo, mid, hi = bins[:-2, None], bins[1:-1, None], bins[2:, None]
    up = (freqs - lo) / (mid - lo).clamp(min=1e-3)
    down = (hi - freqs) / (hi - mid).clamp(min=1e-3)
    return torch.clamp(torch.minimum(up, down), min=0.0)


class LogMel(nn.Module):
    def __init__(self, n_fft=64, hop=16, n_mels=10):
        super().__init__()
        self.n_fft, self.hop = n_fft, hop
        self.register_buffer("window", torch.hann_window(n_fft))
        self.register_buffer("fb", mel_filterbank(n_fft // 2 + 1, n_mels))

    @torch.no_grad()
    def forward(self, wav):
        spec = torch.stft(wav, self.n_fft, self.hop, window=self.window, return_complex=True)
        return torch.log(self.fb @ spec.abs().pow(2) + 1e-6)
