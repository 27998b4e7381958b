import torch
import torch.nn as nn
import torch.nn.functional as F


class ManualBatchNorm1d(nn.Module):
    """Batch norm by hand, tracking a running standard deviation (unbiased) instead of a variance."""

    def __init__(self, features, momentum=0.1, eps=1e-5):
        super().__init__()
        self.eps, self._momentum = eps, momentum
        self.weight = nn.Parameter(torch.ones(features))
        self.bias = nn.Parameter(torch.zeros(features))
        self.register_buffer("running_mean", torch.zeros(features))
        self.register_buffer("running_std", torch.ones(features))

    @property
    def momentum(self):
        return self._momentum if self.training else 0.0

    def _track(self, mean, std):
        with torch.no_grad():
            self.running_mean.lerp_(mean, self.momentum)
            self.running_std.lerp_(std, self.momentum)

    def forward(self, x):
        if not self.training:
            return (x - self.running_mean) / self.running_std * self.weight + self.bias
        n = x.shape[0]
        mean = x.mean(0)
        var = (x - mean).pow(2).mean(0)
        std = (var + self.eps).sqrt()
        y = (x - mean) / std * self.weight + self.bias
        std.mul_((n / (n - 1)) ** 0.5)  # L
        self._track(mean, std)
        return y


def run():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), ManualBatchNorm1d(8), nn.ReLU(), nn.Linear(8, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    x, y = torch.randn(6, 4), torch.randn(6, 1)
    for _ in range(3):
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
