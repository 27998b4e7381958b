"""Training an x0-predicting diffusion model on toy 6-D data in [-1, 1] with self-conditioning."""
import torch

from selfcond import Denoiser, Schedule
from selfcond.train import STEPS

CONFIG = {"d": 6, "timesteps": 50, "step": "self_condition", "lr": 1e-3, "steps": 2}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = Denoiser(cfg["d"], timesteps=cfg["timesteps"])
    schedule = Schedule(cfg["timesteps"])
    opt = torch.optim.Adam(model.parameters(), lr=cfg["lr"])
    step_fn = STEPS[cfg["step"]]
    for step in range(cfg["steps"]):
        x0 = torch.rand(8, cfg["d"]) * 2 - 1
        loss = step_fn(model, schedule, x0)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(step, loss.item())


if __name__ == "__main__":
    main()
