import torch
import torch.nn as nn


class PINN(nn.Module):
    """u(x, t) as a tanh MLP on coordinates normalised to [-1, 1]."""

    def __init__(self, domain, width, depth):
        super().__init__()
        lo = torch.tensor([domain["x"][0], domain["t"][0]])
        hi = torch.tensor([domain["x"][1], domain["t"][1]])
        self.register_buffer("centre", (lo + hi) / 2)
        self.register_buffer("half_range", (hi - lo) / 2)
        layers, d = [], 2
        for _ in range(depth):
            layers += [nn.Linear(d, width), nn.Tanh()]
            d = width
        layers.append(nn.Linear(d, 1))
        self.net = nn.Sequential(*layers)

    def normalise(self, xt):
        return (xt - self.centre) / self.half_range

    def forward(self, xt_normalised):
        return self.net(xt_normalised).squeeze(-1)
