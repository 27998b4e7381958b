"""Single-resolution STFT loss (spectral convergence + log magnitude) for a vocoder; the module
keeps a magnitude buffer for the real signal (which needs no grad) and fills it with
torch.abs(..., out=); the generated magnitude is allocated as usual."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class STFTLoss(nn.Module):
    def __init__(self, n_fft=16, hop=4):
        super().__init__()
        self.n_fft, self.hop = n_fft, hop
        self.register_buffer("window", torch.hann_window(n_fft))
        self.buf_fake = torch.empty(0)
        self.buf_real = torch.empty(0)

    def spec(self, x):
        return torch.stft(x, self.n_fft, self.hop, window=self.window, return_complex=True)

    def forward(self, fake, real):
        mag_fake = torch.abs(self.spec(fake))
        mag_real = torch.abs(self.spec(real), out=self.buf_real)  # L
        sc = torch.norm(mag_real - mag_fake) / torch.norm(mag_real)
        log_mag = F.l1_loss(torch.log(mag_fake + 1e-5), torch.log(mag_real + 1e-5))
        return sc + log_mag


def run():
    torch.manual_seed(0)
    gen = nn.Sequential(nn.Conv1d(4, 8, 3, padding=1), nn.Tanh(), nn.Conv1d(8, 1, 3, padding=1))
    crit = STFTLoss()
    opt = torch.optim.Adam(gen.parameters(), lr=1e-3)
    for _ in range(2):
        cond, wav = torch.randn(2, 4, 32), torch.randn(2, 32)
        loss = crit(gen(cond).squeeze(1), wav)
        opt.zero_grad()
        loss.backward()
        opt.step()
