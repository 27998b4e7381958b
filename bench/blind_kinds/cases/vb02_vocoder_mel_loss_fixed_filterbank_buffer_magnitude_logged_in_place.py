"""A tiny neural vocoder trained with a mel-spectrogram L1 loss whose mel filterbank is a fixed
buffer. The loss reuses the STFT magnitude for a log-magnitude term and takes the log in place
to save memory."""
import torch
import torch.nn as nn
import torch.nn.functional as F

N_FFT, HOP, N_MELS = 32, 8, 6


class MelLoss(nn.Module):
    def __init__(self, learn_fb=True):
        super().__init__()
        fb = torch.rand(N_MELS, N_FFT // 2 + 1)
        if learn_fb:
            self.fb = nn.Parameter(fb)
        else:
            self.register_buffer("fb", fb)
        self.register_buffer("window", torch.hann_window(N_FFT))

    def magnitude(self, wav):
        spec = torch.stft(wav, N_FFT, HOP, window=self.window, return_complex=True)
        return spec.abs()

    def forward(self, fake, real):
        mag_f, mag_r = self.magnitude(fake), self.magnitude(real)
        mel_term = F.l1_loss(self.fb @ mag_f, self.fb @ mag_r)
        log_f = mag_f.clamp_(min=1e-5).log_()  # L
        log_r = mag_r.clamp(min=1e-5).log()
        return mel_term + F.l1_loss(log_f, log_r)


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(4, 16, 3, padding=1), nn.LeakyReLU(0.1),
                                 nn.ConvTranspose1d(16, 1, 8, stride=8))

    def forward(self, cond):
        return torch.tanh(self.net(cond)).squeeze(1)


def run():
    torch.manual_seed(0)
    gen, loss_fn = Generator(), MelLoss(learn_fb=False)
    opt = torch.optim.Adam(list(gen.parameters()) + list(loss_fn.parameters()), lr=1e-3)
    cond, real = torch.randn(2, 4, 16), torch.randn(2, 128).tanh()
    for _ in range(2):
        opt.zero_grad()
        loss = loss_fn(gen(cond), real)
        loss.backward()
        opt.step()
