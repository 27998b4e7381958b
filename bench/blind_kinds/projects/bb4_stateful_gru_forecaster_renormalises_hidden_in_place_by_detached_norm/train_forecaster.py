import math

import torch

from seqmodel import ForecastConfig, StatefulForecaster, fit


def toy_series(n_series=4, length=25, n_features=3):
    t = torch.arange(length, dtype=torch.float32)
    phase = torch.rand(n_series, 1, n_features) * 2 * math.pi
    return torch.sin(0.3 * t[None, :, None] + phase) + 0.05 * torch.randn(n_series, length, n_features)


def main():
    torch.manual_seed(0)
    cfg = ForecastConfig()
    model = StatefulForecaster(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)
    fit(model, opt, toy_series(n_features=cfg.n_features), cfg)  # L


if __name__ == "__main__":
    main()
