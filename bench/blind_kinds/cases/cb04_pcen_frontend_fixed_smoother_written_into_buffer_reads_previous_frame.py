"""Keyword spotting on a learnable frontend: per-channel energy normalisation (PCEN) whose IIR
smoother M[t] = (1 - s) M[t-1] + s E[t] is written frame by frame into a preallocated buffer; the
smoothing coefficient s is fixed (a float), as in the original PCEN; alpha, delta, r are learned."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class PCEN(nn.Module):
    def __init__(self, n_mels, s=0.04, alpha=0.98, delta=2.0, r=0.5, eps=1e-6, learn_smoothing=True):
        super().__init__()
        self.eps = eps
        s = torch.full((n_mels,), s)
        self.s = nn.Parameter(s) if learn_smoothing else s.tolist()[0]
        self.log_alpha = nn.Parameter(torch.full((n_mels,), math.log(alpha)))
        self.log_delta = nn.Parameter(torch.full((n_mels,), math.log(delta)))
        self.log_r = nn.Parameter(torch.full((n_mels,), math.log(r)))

    def smooth(self, energy):
        # energy: [batch, frames, mels]
        smoothed = torch.empty_like(energy)
        smoothed[:, 0] = energy[:, 0]  # L
        for t in range(1, energy.shape[1]):
            smoothed[:, t] = (1 - self.s) * smoothed[:, t - 1] + self.s * energy[:, t]  # L
        return smoothed

    def forward(self, energy):
        m = self.smooth(energy)
        alpha, delta, r = self.log_alpha.exp(), self.log_delta.exp(), self.log_r.exp()
        return (energy / (self.eps + m) ** alpha + delta) ** r - delta ** r


class KeywordSpotter(nn.Module):
    def __init__(self, n_fft=32, n_mels=6, n_words=3, learn_smoothing=True):
        super().__init__()
        self.n_fft = n_fft
        self.mel = nn.Linear(n_fft // 2 + 1, n_mels, bias=False)  # a learned filterbank
        self.pcen = PCEN(n_mels, learn_smoothing=learn_smoothing)
        self.gru = nn.GRU(n_mels, 8, batch_first=True)
        self.head = nn.Linear(8, n_words)

    def forward(self, wav):
        window = torch.hann_window(self.n_fft)
        spec = torch.stft(wav, self.n_fft, hop_length=self.n_fft // 2, window=window, return_complex=True)
        power = spec.abs().pow(2).transpose(1, 2)
        energy = F.softplus(self.mel(power))
        out, _ = self.gru(self.pcen(energy))
        return self.head(out[:, -1])


def run(learn_smoothing=False):
    torch.manual_seed(0)
    model = KeywordSpotter(learn_smoothing=learn_smoothing)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        wav, y = torch.randn(3, 160), torch.randint(0, 3, (3,))
        loss = F.cross_entropy(model(wav), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
