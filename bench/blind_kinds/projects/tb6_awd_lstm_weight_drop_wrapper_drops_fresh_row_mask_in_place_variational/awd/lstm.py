import math

import torch
import torch.nn as nn


class ScratchLSTM(nn.Module):
    """A single-layer LSTM written with plain matmuls so its weights can be swapped per forward."""

    def __init__(self, input_size, hidden_size):
        super().__init__()
        k = 1 / math.sqrt(hidden_size)
        self.hidden_size = hidden_size
        self.weight_ih = nn.Parameter(torch.empty(4 * hidden_size, input_size).uniform_(-k, k))
        self.weight_hh = nn.Parameter(torch.empty(4 * hidden_size, hidden_size).uniform_(-k, k))
        self.bias = nn.Parameter(torch.zeros(4 * hidden_size))

    def forward(self, x, state=None):
        t, b, _ = x.shape
        if state is None:
            state = (x.new_zeros(b, self.hidden_size), x.new_zeros(b, self.hidden_size))
        h, c = state
        gates_x = x @ self.weight_ih.t() + self.bias
        outputs = []
        for step in range(t):
            i, f, g, o = (gates_x[step] + h @ self.weight_hh.t()).chunk(4, dim=1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            outputs.append(h)
        return torch.stack(outputs), (h, c)
