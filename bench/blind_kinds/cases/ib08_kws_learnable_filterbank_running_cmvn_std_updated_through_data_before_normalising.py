"""Keyword spotting with a learnable log-mel frontend (the filterbank is a trained non-negative
matrix over the power spectrogram) followed by global CMVN with running statistics, as speech
toolkits keep them. The normaliser first folds the batch statistics into the running mean and std
through `.data` ("statistics are not trained") and then standardises the batch with them."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class LearnableFbank(nn.Module):
    def __init__(self, n_fft=32, n_mels=8):
        super().__init__()
        n_freq = n_fft // 2 + 1
        self.n_fft = n_fft
        self.weight = nn.Parameter(torch.rand(n_mels, n_freq) * 0.2)
        self.register_buffer("window", torch.hann_window(n_fft))

    def forward(self, wav):
        spec = torch.stft(wav, self.n_fft, hop_length=self.n_fft // 2, window=self.window, return_complex=True)
        power = spec.real ** 2 + spec.imag ** 2
        return torch.log(self.weight.abs() @ power + 1e-6).transpose(1, 2)


class RunningCMVN(nn.Module):
    write = "data"  # silent_hazard's reference rebinds fresh buffers instead

    def __init__(self, dim, momentum=0.1):
        super().__init__()
        self.momentum = momentum
        self.register_buffer("mean", torch.zeros(dim))
        self.register_buffer("std", torch.ones(dim))

    def update(self, feats):
        flat = feats.detach().reshape(-1, feats.shape[-1])
        mean = (1 - self.momentum) * self.mean + self.momentum * flat.mean(0)
        std = (1 - self.momentum) * self.std + self.momentum * flat.std(0)
        if self.write == "data":
            self.mean.data.copy_(mean)
            self.std.data.copy_(std)  # L
        else:
            self.mean, self.std = mean, std

    def forward(self, feats):
        if self.training:
            self.update(feats)  # L
        return (feats - self.mean) / self.std


class KWSNet(nn.Module):
    def __init__(self, n_mels=8, n_words=4):
        super().__init__()
        self.frontend = LearnableFbank(n_mels=n_mels)
        self.cmvn = RunningCMVN(n_mels)
        self.encoder = nn.GRU(n_mels, 16, batch_first=True)
        self.classifier = nn.Linear(16, n_words)

    def forward(self, wav):
        feats = self.cmvn(self.frontend(wav))
        _, h = self.encoder(feats)
        return self.classifier(h[-1])


def make_model():
    torch.manual_seed(0)
    return KWSNet()


def batch(n=4, samples=256):
    return torch.randn(n, samples) * 3.0, torch.randint(0, 4, (n,))


def grads(model, wav, words):
    model.zero_grad()
    F.cross_entropy(model(wav), words).backward()
    return [p.grad.clone() for p in model.frontend.parameters()]


def run():
    model = make_model()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    torch.manual_seed(1)
    for _ in range(3):
        grads(model, *batch())
        opt.step()


def silent_hazard():
    """The frontend's gradient must go through the std the forward divided by: compare with the
    same step where the update rebinds fresh buffers, leaving the saved std alone."""
    torch.manual_seed(1)
    wav, words = batch()
    got = grads(make_model(), wav, words)
    ref_model = make_model()
    ref_model.cmvn.write = "rebind"
    ref = grads(ref_model, wav, words)
    return any(not torch.allclose(a, b, atol=1e-6) for a, b in zip(got, ref))
