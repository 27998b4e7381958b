import torch
import torch.nn as nn

from .ops import scale_layers_


class ScalarMix(nn.Module):
    """ELMo's task-specific combination gamma * sum_j softmax(s)_j * h_j (Peters et al., 2018)."""

    def __init__(self, num_layers):
        super().__init__()
        self.scalars = nn.Parameter(torch.zeros(num_layers))
        self.gamma = nn.Parameter(torch.ones(()))

    def forward(self, stacked):
        weights = torch.softmax(self.scalars, dim=0)
        layers = scale_layers_(stacked.unbind(0), weights)  # L
        return self.gamma * sum(layers)
