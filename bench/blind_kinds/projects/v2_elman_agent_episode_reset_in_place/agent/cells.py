import torch
import torch.nn as nn


class ElmanCell(nn.Module):
    """h' = tanh(W_ih x + W_hh h)."""

    def __init__(self, input_size, hidden_size):
        super().__init__()
        self.ih = nn.Linear(input_size, hidden_size)
        self.hh = nn.Linear(hidden_size, hidden_size, bias=False)

    def forward(self, x, h):
        return torch.tanh(self.ih(x) + self.hh(h))


CELLS = {"elman": ElmanCell, "gru": nn.GRUCell}


def build_cell(kind, input_size, hidden_size):
    return CELLS[kind](input_size, hidden_size)
