"""Quantisation-aware training with per-output-channel symmetric int4 weights.  The scale is taken
from the live weight (no detach, so the scale also receives gradient) and turned into a step size:
the channel max divided by qmax out of place, then floored in place."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def round_ste(x):
    return x + (x.round() - x).detach()


class QuantLinear(nn.Linear):
    bits = 4

    def quant_weight(self):
        qmax = 2 ** (self.bits - 1) - 1
        w = self.weight
        scale = w.abs().amax(dim=1, keepdim=True) / qmax
        scale.clamp_(min=1e-8)  # L
        q = round_ste(w / scale).clamp(-qmax - 1, qmax)
        return q * scale

    def forward(self, x):
        return F.linear(x, self.quant_weight(), self.bias)


def build(widths=(8, 16, 16, 3)):
    layers = []
    for d_in, d_out in zip(widths[:-1], widths[1:]):
        layers += [QuantLinear(d_in, d_out), nn.ReLU()]
    return nn.Sequential(*layers[:-1])


def run():
    torch.manual_seed(0)
    model = build()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        x, y = torch.randn(6, 8), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
