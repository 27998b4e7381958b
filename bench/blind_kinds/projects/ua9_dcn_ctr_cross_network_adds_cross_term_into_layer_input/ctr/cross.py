"""Cross network of DCN (Wang et al. 2017): x_{l+1} = x0 * (W_l x_l + b_l) + x_l."""
import torch.nn as nn


class CrossNetwork(nn.Module):
    def __init__(self, dim, n_layers):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(dim, dim) for _ in range(n_layers))

    def forward(self, x0):
        x = x0
        for layer in self.layers:
            x += x0 * layer(x)  # L
        return x
