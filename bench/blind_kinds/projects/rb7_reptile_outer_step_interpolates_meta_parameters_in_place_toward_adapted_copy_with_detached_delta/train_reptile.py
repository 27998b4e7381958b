import torch
import torch.nn as nn

from meta import Reptile, SinusoidTasks

CONFIG = {"hidden": 16, "outer_lr": 0.1, "inner_steps": 3, "inner_lr": 0.02, "meta_iters": 3}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(1, cfg["hidden"]), nn.Tanh(), nn.Linear(cfg["hidden"], cfg["hidden"]),
                          nn.Tanh(), nn.Linear(cfg["hidden"], 1))
    reptile = Reptile(model, cfg["outer_lr"], cfg["inner_steps"], cfg["inner_lr"])
    tasks = SinusoidTasks()
    for _ in range(cfg["meta_iters"]):
        reptile.meta_step(tasks.sample())  # L
    print("done")


if __name__ == "__main__":
    main()
