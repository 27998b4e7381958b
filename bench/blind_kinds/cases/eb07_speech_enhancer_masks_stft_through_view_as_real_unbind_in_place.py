"""Speech enhancement with a learned FIR prefilter and a spectral mask: the mask is predicted from
the noisy log-magnitude, the prefiltered waveform is taken to the STFT domain, and the mask scales
the real and imaginary parts in place before the inverse STFT. The parts are taken as
`torch.view_as_real(spec).unbind(-1)`."""
import torch
import torch.nn as nn
import torch.nn.functional as F

N_FFT, HOP = 64, 16
N_FREQ = N_FFT // 2 + 1


def stft(wav, window):
    return torch.stft(wav, N_FFT, HOP, window=window, return_complex=True)


def complex_parts(spec):
    return torch.view_as_real(spec).unbind(-1)


class MaskEnhancer(nn.Module):
    def __init__(self):
        super().__init__()
        self.prefilter = nn.Conv1d(1, 1, 9, padding=4)
        self.mask_net = nn.Sequential(nn.Linear(N_FREQ, 32), nn.ReLU(), nn.Linear(32, N_FREQ), nn.Sigmoid())
        self.register_buffer("window", torch.hann_window(N_FFT))

    def forward(self, noisy):
        feats = stft(noisy, self.window).abs().add(1e-6).log()
        mask = self.mask_net(feats.transpose(1, 2)).transpose(1, 2)
        spec = stft(self.prefilter(noisy[:, None])[:, 0], self.window)
        real, imag = complex_parts(spec)
        real.mul_(mask)  # L
        imag.mul_(mask)  # L
        return torch.istft(spec, N_FFT, HOP, window=self.window, length=noisy.shape[-1])


def run():
    torch.manual_seed(0)
    model = MaskEnhancer()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        clean = torch.sin(torch.linspace(0, 40, 256))[None].repeat(2, 1)
        noisy = clean + 0.3 * torch.randn(2, 256)
        loss = F.l1_loss(model(noisy), clean)
        opt.zero_grad()
        loss.backward()
        opt.step()
