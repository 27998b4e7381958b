import functools

import torch

from diffusion import THRESHOLDS, CosineSchedule, Denoiser, diffusion_loss

CONFIG = {"threshold": "dynamic", "threshold_kwargs": {"pct": 0.9}, "lr": 2e-4, "steps": 3}


def main():
    torch.manual_seed(0)
    model, schedule = Denoiser(), CosineSchedule()
    threshold = functools.partial(THRESHOLDS[CONFIG["threshold"]], **CONFIG["threshold_kwargs"])
    opt = torch.optim.AdamW(model.parameters(), lr=CONFIG["lr"])
    for _ in range(CONFIG["steps"]):
        x0 = torch.rand(4, 1, 4, 4) * 2 - 1
        loss = diffusion_loss(model, schedule, x0, threshold)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(loss.item())


if __name__ == "__main__":
    main()
