"""SNGP (Liu et al. 2020): a spectral-normalised feature extractor with a random-Fourier-feature
Gaussian-process output layer.  The GP head keeps a Laplace precision matrix over its output
weights, accumulated over the last epoch of training from the random features; to avoid
allocating a d x d matrix per batch, the batch term is written into a preallocated buffer, from
the features detached from the graph (the precision is a statistic, not a training target)."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class RandomFeatureGP(nn.Module):
    def __init__(self, d_in, n_classes, n_features=32, ridge=1.0, momentum=0.99):
        super().__init__()
        self.register_buffer("W", torch.randn(n_features, d_in))
        self.register_buffer("b", torch.rand(n_features) * 2 * math.pi)
        self.register_buffer("precision", torch.eye(n_features) * ridge)
        self.register_buffer("batch_precision", torch.zeros(n_features, n_features))
        self.beta = nn.Linear(n_features, n_classes, bias=False)
        self.scale = math.sqrt(2.0 / n_features)
        self.momentum = momentum
        self.accumulate = True

    def random_features(self, h):
        return self.scale * torch.cos(F.linear(h, self.W, self.b))

    def update_precision(self, phi):
        torch.mm(phi.t(), phi, out=self.batch_precision)  # L
        self.precision.mul_(self.momentum).add_(self.batch_precision, alpha=1 - self.momentum)

    def forward(self, h):
        phi = self.random_features(h)
        if self.training and self.accumulate:
            self.update_precision(phi.detach())
        return self.beta(phi)


class SNGP(nn.Module):
    def __init__(self, d_in=6, n_classes=3):
        super().__init__()
        sn = nn.utils.parametrizations.spectral_norm
        self.body = nn.Sequential(sn(nn.Linear(d_in, 16)), nn.ReLU(), sn(nn.Linear(16, 16)), nn.ReLU())
        self.gp = RandomFeatureGP(16, n_classes)

    def forward(self, x):
        return self.gp(self.body(x))


def run():
    torch.manual_seed(0)
    model = SNGP()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(8, 6), torch.randint(0, 3, (8,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
