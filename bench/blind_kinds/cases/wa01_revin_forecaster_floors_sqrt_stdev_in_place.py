"""RevIN (Kim et al.) after a learned channel mixer: the instance statistics keep their graph, and the
standard deviation is floored in place so flat series do not blow up the normalisation."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class RevIN(nn.Module):
    def __init__(self, n_channels, eps=1e-5, min_std=1e-2):
        super().__init__()
        self.eps, self.min_std = eps, min_std
        self.affine_weight = nn.Parameter(torch.ones(n_channels))
        self.affine_bias = nn.Parameter(torch.zeros(n_channels))

    def _get_statistics(self, x):
        self.mean = x.mean(dim=1, keepdim=True)
        var = torch.var(x, dim=1, keepdim=True, unbiased=False)
        self.stdev = torch.sqrt(var + self.eps)
        self.stdev.clamp_(min=self.min_std)  # L

    def normalize(self, x):
        self._get_statistics(x)
        x = (x - self.mean) / self.stdev
        return x * self.affine_weight + self.affine_bias

    def denormalize(self, y):
        y = (y - self.affine_bias) / (self.affine_weight + self.eps)
        return y * self.stdev + self.mean


class Forecaster(nn.Module):
    def __init__(self, n_channels=3, lookback=8, horizon=4):
        super().__init__()
        self.mixer = nn.Linear(n_channels, n_channels)
        self.revin = RevIN(n_channels)
        self.temporal = nn.Linear(lookback, horizon)

    def forward(self, x):
        x = self.revin.normalize(self.mixer(x))
        y = self.temporal(x.transpose(1, 2)).transpose(1, 2)
        return self.revin.denormalize(y)


def run():
    torch.manual_seed(0)
    model = Forecaster()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, target = torch.randn(5, 8, 3), torch.randn(5, 4, 3)
        loss = F.mse_loss(model(x), target)
        opt.zero_grad()
        loss.backward()
        opt.step()
