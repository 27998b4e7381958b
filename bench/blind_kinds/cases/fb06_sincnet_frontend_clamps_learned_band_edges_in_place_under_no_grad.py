"""A SincNet speaker-ID frontend: band-pass filters parametrised by learned low cut-offs and band
widths (Hz). The parameters are kept in a valid range by clamping them in place, under
`torch.no_grad()`, at the start of every forward; then the windowed sinc kernels are built."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class SincConv(nn.Module):
    def __init__(self, n_filters=4, kernel=15, sample_rate=800, min_hz=5.0, min_band=5.0):
        super().__init__()
        self.sr, self.min_hz, self.min_band = sample_rate, min_hz, min_band
        self.low_hz = nn.Parameter(torch.linspace(10, 200, n_filters).unsqueeze(1))
        self.band_hz = nn.Parameter(torch.full((n_filters, 1), 40.0))
        n = (kernel - 1) / 2
        self.register_buffer("t", torch.arange(-n, n + 1).unsqueeze(0) / sample_rate)
        self.register_buffer("window", torch.hamming_window(kernel, periodic=False))

    @torch.no_grad()
    def constrain(self):
        self.low_hz.clamp_(self.min_hz, self.sr / 2 - self.min_band)  # L
        self.band_hz.clamp_(min=self.min_band)  # L

    def kernels(self):
        low = self.low_hz
        high = (low + self.band_hz).clamp(max=self.sr / 2)

        def lowpass(f):
            return 2 * f * torch.special.sinc(2 * f * self.t)

        k = (lowpass(high) - lowpass(low)) * self.window
        return k / k.abs().amax(dim=1, keepdim=True)

    def forward(self, wav):
        self.constrain()
        return F.conv1d(wav, self.kernels().unsqueeze(1), padding=self.t.shape[1] // 2)


class SpeakerNet(nn.Module):
    def __init__(self, n_speakers=3):
        super().__init__()
        self.sinc = SincConv()
        self.conv = nn.Conv1d(4, 6, 5, stride=2)
        self.head = nn.Linear(6, n_speakers)

    def forward(self, wav):
        h = F.leaky_relu(F.max_pool1d(self.sinc(wav).abs(), 3))
        h = F.leaky_relu(self.conv(h))
        return self.head(h.mean(-1))


def run():
    torch.manual_seed(0)
    net = SpeakerNet()
    opt = torch.optim.Adam(net.parameters(), lr=1.0)
    for _ in range(2):
        wav, spk = torch.randn(4, 1, 80), torch.randint(0, 3, (4,))
        loss = F.cross_entropy(net(wav), spk)
        opt.zero_grad()
        loss.backward()
        opt.step()
