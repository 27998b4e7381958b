"""A tabular regressor for rows with missing values.  Missing entries are filled with each
column's training mean, kept as a buffer (written into the NaN positions of the batch), the filled
batch is standardised in place with its own statistics, and the missingness indicators are
appended for the MLP."""
from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class TabConfig:
    n_features: int = 5
    hidden: int = 16
    learn_fill: bool = False
    eps: float = 1e-5


class Imputer(nn.Module):
    def __init__(self, cfg, column_means):
        super().__init__()
        if cfg.learn_fill:
            self.fill = nn.Parameter(column_means.clone())
        else:
            self.register_buffer("fill", column_means.clone())

    def forward(self, x):
        missing = torch.isnan(x)
        x = torch.nan_to_num(x)
        x[missing] = self.fill.expand_as(x)[missing]  # L
        return x, missing


def standardise_(x, eps):
    mean, std = x.mean(0), x.std(0)
    return x.sub_(mean).div_(std + eps)  # L


class TabularRegressor(nn.Module):
    def __init__(self, cfg, column_means):
        super().__init__()
        self.cfg = cfg
        self.imputer = Imputer(cfg, column_means)
        self.mlp = nn.Sequential(nn.Linear(2 * cfg.n_features, cfg.hidden), nn.ReLU(), nn.Linear(cfg.hidden, 1))

    def forward(self, x):
        x, missing = self.imputer(x)
        x = standardise_(x, self.cfg.eps)  # L
        return self.mlp(torch.cat([x, missing.float()], 1)).squeeze(-1)


def make_data(n, d):
    x = torch.randn(n, d)
    x[torch.rand(n, d) < 0.2] = float("nan")
    return x, torch.randn(n)


def run(cfg=TabConfig()):
    torch.manual_seed(0)
    x, y = make_data(64, cfg.n_features)
    model = TabularRegressor(cfg, torch.nanmean(x, 0))
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for i in range(2):
        rows = torch.randperm(64)[:16]
        loss = F.mse_loss(model(x[rows]), y[rows])
        opt.zero_grad()
        loss.backward()
        opt.step()
