import math

import torch

from nbeats import NBeats
from training import fit

CONFIG = {
    "backcast_len": 12,
    "horizon": 4,
    "hidden": 16,
    "stack": ["trend", "generic", "generic"],
    "fused_residual": True,  # L
    "accum_steps": 2,
    "lr": 1e-3,
}


def windows(n_windows, batch, cfg):
    length = cfg["backcast_len"] + cfg["horizon"]
    out = []
    for _ in range(n_windows):
        start = torch.rand(batch, 1) * 20
        t = start + torch.arange(length).float()
        series = 2.0 + torch.sin(2 * math.pi * t / 7) + 0.05 * t + 0.1 * torch.randn(batch, length)
        out.append((series[:, :cfg["backcast_len"]], series[:, cfg["backcast_len"]:]))
    return out


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = NBeats(cfg)
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    history = fit(model, windows(4, 8, cfg), opt, accum_steps=cfg["accum_steps"])
    print("smape", history[-1])


if __name__ == "__main__":
    main()
