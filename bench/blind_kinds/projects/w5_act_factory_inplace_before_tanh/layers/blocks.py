import torch.nn as nn

from .acts import make_act


class SquashBlock(nn.Module):
    """Linear -> configurable activation -> tanh squash, with a skip projection."""

    def __init__(self, d_in, d_out, act="relu"):
        super().__init__()
        self.fc = nn.Linear(d_in, d_out)
        self.squash = nn.Tanh()
        self.act = make_act(act)
        self.skip = nn.Linear(d_in, d_out, bias=False)

    def forward(self, x):
        return self.squash(self.act(self.fc(x))) + self.skip(x)  # L
