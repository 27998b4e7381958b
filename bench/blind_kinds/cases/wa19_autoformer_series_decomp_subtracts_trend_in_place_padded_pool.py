"""Autoformer-style series decomposition inside an encoder layer: the trend is a moving average
(AvgPool1d with zero-free 'same' padding), and the seasonal part is taken by subtracting the trend
in place from the layer's residual sum."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SeriesDecomp(nn.Module):
    def __init__(self, kernel_size=3):
        super().__init__()
        self.pool = nn.AvgPool1d(kernel_size, stride=1, padding=kernel_size // 2, count_include_pad=False)

    def forward(self, x):
        trend = self.pool(x.transpose(1, 2)).transpose(1, 2)
        seasonal = x.sub_(trend)  # L
        return seasonal, trend


class EncoderLayer(nn.Module):
    def __init__(self, d=6):
        super().__init__()
        self.mix = nn.Linear(d, d)
        self.ff = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))
        self.decomp1, self.decomp2 = SeriesDecomp(), SeriesDecomp()

    def forward(self, x):
        x, _ = self.decomp1(x + self.mix(x))  # L
        x, _ = self.decomp2(x + self.ff(x))  # L
        return x


class Forecaster(nn.Module):
    def __init__(self, c=2, d=6, lookback=8, horizon=3):
        super().__init__()
        self.embed = nn.Linear(c, d)
        self.layers = nn.ModuleList(EncoderLayer(d) for _ in range(2))
        self.proj = nn.Linear(d, c)
        self.time = nn.Linear(lookback, horizon)

    def forward(self, x):
        h = self.embed(x)
        for layer in self.layers:
            h = layer(h)
        return self.time(self.proj(h).transpose(1, 2)).transpose(1, 2)


def run():
    torch.manual_seed(0)
    model = Forecaster()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(3, 8, 2), torch.randn(3, 3, 2)
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
