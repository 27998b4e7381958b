from dataclasses import dataclass

import torch
import torch.nn as nn

from engine import Accumulator, build_criterion


@dataclass
class RunConfig:
    criterion: str = "rmse"
    optimizer: str = "AdamW"
    lr: float = 1e-3
    n_micro: int = 2
    epochs: int = 2


def main(cfg: RunConfig = RunConfig()):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 16), nn.SiLU(), nn.Linear(16, 1))
    opt = getattr(torch.optim, cfg.optimizer)(model.parameters(), lr=cfg.lr)
    step = Accumulator(model, build_criterion(cfg.criterion), opt, n_micro=cfg.n_micro)
    x = torch.randn(12, 4)
    y = x[:, :1] * 2 - x[:, 1:2]
    for epoch in range(cfg.epochs):
        print(epoch, step(x, y))  # L


if __name__ == "__main__":
    main()
