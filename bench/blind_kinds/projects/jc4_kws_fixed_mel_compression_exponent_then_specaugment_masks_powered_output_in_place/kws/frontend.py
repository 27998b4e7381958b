"""Power spectrogram -> mel -> root compression (instead of log), as in LEAF-style front ends."""
import torch
import torch.nn as nn


def mel_basis(n_freq, n_mels):
    # a crude triangular filterbank; good enough for a small model
    centers = torch.linspace(0, n_freq - 1, n_mels + 2)
    f = torch.arange(n_freq, dtype=torch.float32)[None, :]
    lo, mid, hi = centers[:-2, None], centers[1:-1, None], centers[2:, None]
    up = (f - lo) / (mid - lo)
    down = (hi - f) / (hi - mid)
    return torch.clamp(torch.minimum(up, down), min=0.0)


class MelFrontend(nn.Module):
    def __init__(self, n_fft=32, hop=8, n_mels=6, learn_root=True):
        super().__init__()
        self.n_fft, self.hop = n_fft, hop
        self.register_buffer("window", torch.hann_window(n_fft))
        self.register_buffer("fb", mel_basis(n_fft // 2 + 1, n_mels))
        if learn_root:
            self.root = nn.Parameter(torch.tensor(0.3))
        else:
            self.root = 0.3

    def forward(self, wav):
        spec = torch.stft(wav, self.n_fft, self.hop, window=self.window, return_complex=True)
        power = spec.abs().pow(2)
        mel = torch.einsum("mf,bft->bmt", self.fb, power) + 1e-6
        return mel.pow(self.root)
