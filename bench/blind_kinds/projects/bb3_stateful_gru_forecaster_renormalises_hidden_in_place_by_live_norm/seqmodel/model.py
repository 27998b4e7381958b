import torch
import torch.nn as nn

from .state import carry, renorm_


class StatefulForecaster(nn.Module):
    """One-step-ahead forecaster that keeps its GRU state across consecutive windows."""

    def __init__(self, cfg):
        super().__init__()
        self.cell = nn.GRUCell(cfg.n_features, cfg.hidden)
        self.head = nn.Linear(cfg.hidden, cfg.n_features)
        self.state_radius = cfg.state_radius
        self.state = None

    def reset_state(self):
        self.state = None

    def forward(self, x):
        h = self.state if self.state is not None else x.new_zeros(x.shape[0], self.cell.hidden_size)
        preds = []
        for t in range(x.shape[1]):
            h = self.cell(x[:, t], h)
            if self.state_radius:
                renorm_(h, self.state_radius)  # L
            preds.append(self.head(h))
        self.state = carry(h)
        return torch.stack(preds, dim=1)
