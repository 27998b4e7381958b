"""Scaled weight standardisation (NF-ResNet style) registered with torch.nn.utils.parametrize on
every conv of a small CNN; the parametrization centres the weight out of place
(W = W - mean) and scales the centred copy in place by rsqrt(fan_in * var) and a learned gain."""
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.utils import parametrize


class ScaledStandardize(nn.Module):
    def __init__(self, out_channels, eps=1e-4):
        super().__init__()
        self.gain = nn.Parameter(torch.ones(out_channels, 1, 1, 1))
        self.eps = eps

    def forward(self, W):
        fan_in = W[0].numel()
        var, mean = torch.var_mean(W, dim=(1, 2, 3), keepdim=True)
        W = W - mean
        W.mul_(torch.rsqrt(var * fan_in + self.eps) * self.gain)  # L
        return W


def standardize_convs(model):
    for module in model.modules():
        if isinstance(module, nn.Conv2d):
            parametrize.register_parametrization(module, "weight", ScaledStandardize(module.out_channels))
    return model


class TinyNF(nn.Module):
    def __init__(self, n_classes=3):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 4, 3, padding=1)
        self.head = nn.Linear(4, n_classes)

    def forward(self, x):
        x = F.gelu(self.conv1(x))
        x = x + F.gelu(self.conv2(x)) * 0.2
        return self.head(x.mean(dim=(2, 3)))


def run():
    torch.manual_seed(0)
    model = standardize_convs(TinyNF())
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    for _ in range(2):
        x, y = torch.randn(2, 1, 6, 6), torch.randint(0, 3, (2,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
