import torch.nn as nn


class QuantMLP(nn.Module):
    def __init__(self, dims, pool):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.act_quants = nn.ModuleList(pool.get(f"act{i}") for i in range(len(dims) - 2))
        self.act = nn.ReLU()

    def forward(self, x):
        for layer, quant in zip(self.layers[:-1], self.act_quants):
            x = quant(self.act(layer(x)))  # L
        return self.layers[-1](x)
