import torch
import torch.nn as nn


class RecurrentQ(nn.Module):
    """R2D2's Q network in miniature: an encoder, an LSTM cell, a dueling-free Q head."""

    def __init__(self, obs_dim=4, hidden=8, n_actions=3):
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU())
        self.cell = nn.LSTMCell(hidden, hidden)
        self.head = nn.Linear(hidden, n_actions)

    def unroll(self, obs_seq, state):
        qs = []
        for obs in obs_seq:
            state = self.cell(self.encoder(obs), state)
            qs.append(self.head(state[0]))
        return torch.stack(qs), state
