import torch
import torch.nn as nn

from . import scaling
from .likelihoods import build_likelihood


class DeepAR(nn.Module):
    """Autoregressive LSTM over the scaled lagged target and covariates (teacher forcing)."""

    def __init__(self, n_covariates, hidden, likelihood):
        super().__init__()
        self.rnn = nn.LSTM(1 + n_covariates, hidden, batch_first=True)
        self.head = build_likelihood(likelihood, hidden)

    def forward(self, lagged, covariates, scale):
        inputs = torch.cat([(lagged / scale).unsqueeze(-1), covariates], dim=-1)
        h, _ = self.rnn(inputs)
        params = self.head(h)
        return scaling.unscale_(params, scale, self.head.scaled_params)  # L

    def loss(self, series, covariates):
        scale = scaling.mean_scale(series[:, :-1])
        params = self(series[:, :-1], covariates[:, 1:], scale)  # L
        return self.head.nll(params, series[:, 1:])
