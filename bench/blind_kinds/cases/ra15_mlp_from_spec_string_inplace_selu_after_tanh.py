"""An MLP assembled from a compact layer-spec string, as sweep configs write them."""
from functools import partial

import torch
import torch.nn as nn

LAYERS = {
    "linear": nn.LazyLinear,
    "tanh": nn.Tanh,
    "layernorm": nn.LayerNorm,
    "selu_": partial(nn.SELU, inplace=True),  # L
    "dropout": nn.Dropout,
}

SPEC = "linear:16 tanh selu_ linear:1"


def parse(spec):
    for token in spec.split():
        name, _, arg = token.partition(":")
        factory = LAYERS[name]
        yield factory(int(arg)) if arg else factory()


class SpecMLP(nn.Module):
    def __init__(self, spec=SPEC):
        super().__init__()
        self.net = nn.Sequential(*parse(spec))

    def forward(self, x):
        return self.net(x)  # L


def run():
    torch.manual_seed(0)
    model = SpecMLP()
    model(torch.zeros(2, 5))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    for _ in range(2):
        x, y = torch.randn(8, 5), torch.randn(8, 1)
        loss = (model(x) - y).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
