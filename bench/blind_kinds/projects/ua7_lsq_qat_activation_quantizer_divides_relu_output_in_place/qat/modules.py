import torch.nn as nn

from .lsq import LSQActQuantizer


class QuantBlock(nn.Module):
    def __init__(self, in_dim, out_dim, act, bits):
        super().__init__()
        self.fc = nn.Linear(in_dim, out_dim)
        self.act = act
        self.quant = LSQActQuantizer(bits)

    def forward(self, x):
        return self.quant(self.act(self.fc(x)))  # L


def make_block(in_dim, out_dim, cfg):
    act = getattr(nn, cfg["act"])(**cfg.get("act_kwargs", {}))
    return QuantBlock(in_dim, out_dim, act, cfg["bits"])


class QuantMLP(nn.Module):
    def __init__(self, dims, n_classes, cfg):
        super().__init__()
        self.blocks = nn.ModuleList(make_block(a, b, cfg) for a, b in zip(dims, dims[1:]))
        self.head = nn.Linear(dims[-1], n_classes)

    def forward(self, x):
        for block in self.blocks:
            x = block(x)
        return self.head(x)
