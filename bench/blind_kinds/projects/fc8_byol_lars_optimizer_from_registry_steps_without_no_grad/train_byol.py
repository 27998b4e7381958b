"""BYOL with a LARS optimizer chosen by name from a config dict."""
import torch

from byol import BYOL
from optim import build_optimizer

CONFIG = {"optimizer": "lars", "optim_args": {"lr": 0.2, "momentum": 0.9}, "steps": 2}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = BYOL()
    params = list(model.online.parameters()) + list(model.predictor.parameters())
    opt = build_optimizer(cfg["optimizer"], params, **cfg["optim_args"])
    for _ in range(cfg["steps"]):
        x = torch.randn(6, 6)
        loss = model(x + 0.1 * torch.randn_like(x), x + 0.1 * torch.randn_like(x))
        opt.zero_grad()
        loss.backward()
        opt.step()  # L
        model.update_target()


if __name__ == "__main__":
    main()
