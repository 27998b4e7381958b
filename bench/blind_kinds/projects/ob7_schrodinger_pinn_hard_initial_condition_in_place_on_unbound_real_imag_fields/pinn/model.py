import torch.nn as nn

SPLITS = {
    "unbind": lambda out: out.unbind(-1),
    "index": lambda out: (out[:, 0], out[:, 1]),
}


class FieldNet(nn.Module):
    """An MLP from (x, t) to the real and imaginary parts of the field."""

    def __init__(self, sizes):
        super().__init__()
        layers = []
        for a, b in zip(sizes[:-1], sizes[1:]):
            layers += [nn.Linear(a, b), nn.Tanh()]
        self.net = nn.Sequential(*layers[:-1])

    def forward(self, xt, split="index"):
        return SPLITS[split](self.net(xt))
