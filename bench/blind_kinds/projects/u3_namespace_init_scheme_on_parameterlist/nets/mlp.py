import torch
import torch.nn as nn


class GatedMLP(nn.Module):
    def __init__(self, d_in, width, depth, d_out):
        super().__init__()
        dims = [d_in] + [width] * depth
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.gains = nn.ParameterList(nn.Parameter(torch.empty(width)) for _ in range(depth))
        self.out = nn.Linear(width, d_out)

    def forward(self, x):
        for layer, gain in zip(self.layers, self.gains):
            x = torch.sigmoid(gain) * torch.relu(layer(x))
        return self.out(x)
