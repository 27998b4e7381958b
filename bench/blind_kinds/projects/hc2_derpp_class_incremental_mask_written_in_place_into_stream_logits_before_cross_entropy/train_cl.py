import torch
import torch.nn as nn

from cl import DerPlusPlus, ReservoirBuffer

# split-task stream: 3 tasks of 2 classes each; logits of later tasks are masked
CONFIG = {"tasks": 3, "classes_per_task": 2, "steps_per_task": 3, "batch": 8, "replay_batch": 8,
          "buffer": 32, "alpha": 0.3, "beta": 0.5, "lr": 0.05, "mask_on": "stream"}


def task_batch(task, cfg, dim=10):
    y = task * cfg["classes_per_task"] + torch.randint(0, cfg["classes_per_task"], (cfg["batch"],))
    x = torch.randn(cfg["batch"], dim) + y[:, None].float() * 0.5
    return x, y


def main(cfg=CONFIG):
    torch.manual_seed(0)
    n_classes = cfg["tasks"] * cfg["classes_per_task"]
    model = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, n_classes))
    strategy = DerPlusPlus(model, ReservoirBuffer(cfg["buffer"], 10, n_classes), cfg)
    opt = torch.optim.SGD(model.parameters(), lr=cfg["lr"])
    for task in range(cfg["tasks"]):
        n_seen = (task + 1) * cfg["classes_per_task"]
        for _ in range(cfg["steps_per_task"]):
            x, y = task_batch(task, cfg)
            loss = strategy.loss(x, y, n_seen)  # L
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(task, loss.item())


if __name__ == "__main__":
    main()
