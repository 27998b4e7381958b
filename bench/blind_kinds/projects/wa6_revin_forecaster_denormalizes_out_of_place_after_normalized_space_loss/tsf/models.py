import torch.nn as nn

from .revin import RevIN

MODELS = {}


def register(name):
    def deco(cls):
        MODELS[name] = cls
        return cls
    return deco


@register("nlinear")
class RevINLinear(nn.Module):
    """A channel-independent linear forecaster on RevIN-normalised input; returns the normalised forecast."""

    def __init__(self, n_channels, lookback, horizon):
        super().__init__()
        self.revin = RevIN(n_channels)
        self.hidden = nn.Sequential(nn.Linear(lookback, 16), nn.ReLU())
        self.out = nn.Linear(16, horizon)

    def forward(self, x):
        z = self.revin.normalize(x).transpose(1, 2)
        return self.out(self.hidden(z)).transpose(1, 2)


def build(cfg):
    return MODELS[cfg["model"]](cfg["channels"], cfg["lookback"], cfg["horizon"])
