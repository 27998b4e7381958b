"""Keyword spotting on a learnable mel filterbank: log-mel energies are normalised per utterance in place
(cepstral mean and variance normalisation) with statistics taken in grad mode, then SpecAugment masks
time and frequency bands in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LearnedFilterbank(nn.Module):
    def __init__(self, n_freq=17, n_mels=8):
        super().__init__()
        self.weight = nn.Parameter(torch.rand(n_mels, n_freq) / n_freq)

    def forward(self, power):  # (batch, freq, frames)
        return torch.matmul(F.softplus(self.weight), power)


def cmvn_(feats, eps=1e-5):
    mean = feats.mean(dim=-1, keepdim=True)
    std = feats.std(dim=-1, keepdim=True)
    return feats.sub_(mean).div_(std + eps)  # L


def spec_augment_(feats, max_f=2, max_t=3):
    b, n_mels, n_frames = feats.shape
    for i in range(b):
        f0 = int(torch.randint(0, n_mels - max_f, ()))
        t0 = int(torch.randint(0, n_frames - max_t, ()))
        feats[i, f0:f0 + max_f, :] = 0.0  # L
        feats[i, :, t0:t0 + max_t] = 0.0  # L
    return feats


class KWSNet(nn.Module):
    def __init__(self, n_classes=4):
        super().__init__()
        self.fbank = LearnedFilterbank()
        self.conv = nn.Conv1d(8, 12, 3, padding=1)
        self.head = nn.Linear(12, n_classes)

    def forward(self, wav):
        spec = torch.stft(wav, n_fft=32, hop_length=8, window=torch.hann_window(32), return_complex=True)
        feats = torch.log(self.fbank(spec.abs() ** 2) + 1e-6)
        feats = cmvn_(feats)  # L
        if self.training:
            feats = spec_augment_(feats)  # L
        return self.head(F.relu(self.conv(feats)).mean(-1))


def run():
    torch.manual_seed(0)
    model = KWSNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        wav, y = torch.randn(3, 160), torch.randint(0, 4, (3,))
        loss = F.cross_entropy(model(wav), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
