import torch
import torch.nn as nn

from diffusion import build_schedule
from diffusion.train.loop import train

CONFIG = {"schedule": "cosine", "snr_clip": 5.0, "lr": 1e-3, "steps": 3, "dim": 4}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(cfg["dim"] + 1, 32), nn.SiLU(), nn.Linear(32, cfg["dim"]))
    schedule = build_schedule(cfg)
    data = [torch.randn(8, cfg["dim"]) for _ in range(cfg["steps"])]
    train(model, schedule, data, cfg)


if __name__ == "__main__":
    main()
