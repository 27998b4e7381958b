"""Decorrelated batch normalisation (Huang et al. 2018): the centred batch is ZCA-whitened with the
eigendecomposition of its covariance. The eigenvalues are floored and turned into inverse square
roots in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class DecorrelatedBN(nn.Module):
    def __init__(self, dim, eps=1e-3, momentum=0.1):
        super().__init__()
        self.eps, self.momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(dim))
        self.bias = nn.Parameter(torch.zeros(dim))
        self.register_buffer("running_mean", torch.zeros(dim))
        self.register_buffer("running_whitening", torch.eye(dim))

    def whitening(self, xc):
        cov = xc.t() @ xc / xc.shape[0]
        evals, evecs = torch.linalg.eigh(cov)
        inv_sqrt = evals.clamp_(min=self.eps).rsqrt_()  # L
        return evecs @ torch.diag(inv_sqrt) @ evecs.t()

    def forward(self, x):
        if not self.training:
            return (x - self.running_mean) @ self.running_whitening * self.weight + self.bias
        mean = x.mean(0)
        xc = x - mean
        w = self.whitening(xc)  # L
        with torch.no_grad():
            self.running_mean.lerp_(mean, self.momentum)
            self.running_whitening.lerp_(w, self.momentum)
        return xc @ w * self.weight + self.bias


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(5, 4), DecorrelatedBN(4), nn.ReLU(), nn.Linear(4, 2))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(2):
        x, y = torch.randn(16, 5), torch.randint(0, 2, (16,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
