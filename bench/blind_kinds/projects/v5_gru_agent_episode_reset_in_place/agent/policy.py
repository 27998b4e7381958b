import torch.nn as nn

from . import rollout
from .cells import build_cell


class RecurrentAgent(nn.Module):
    def __init__(self, obs_dim, hidden, n_actions, cell="gru"):
        super().__init__()
        self.cell = build_cell(cell, obs_dim, hidden)
        self.head = nn.Linear(hidden + obs_dim, n_actions + 1)  # action logits and a value
        self.hidden = hidden

    def forward(self, obs, starts, h0=None):
        if h0 is None:
            h0 = obs.new_zeros(obs.shape[1], self.hidden)
        out, h = rollout.unroll(self.cell, self.head, obs, starts, h0)
        return out[..., :-1], out[..., -1], h
