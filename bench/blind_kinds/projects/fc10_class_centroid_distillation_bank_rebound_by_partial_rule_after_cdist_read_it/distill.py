"""Embedding distillation with a bank of the teacher's class centroids; the update rule is picked
by name from the config and bound with functools.partial."""
import functools

import torch
import torch.nn as nn

from protokd import UPDATE_RULES, CentroidBank
from train.step import train_step

CONFIG = {"update": "ema_rebind", "momentum": 0.9, "n_cls": 3, "dim": 5}


def main(cfg=CONFIG):
    torch.manual_seed(0)
    teacher = nn.Sequential(nn.Linear(6, 16), nn.ReLU(), nn.Linear(16, cfg["dim"])).eval()
    student = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, cfg["dim"]))
    bank = CentroidBank(cfg["n_cls"], cfg["dim"])
    update = functools.partial(UPDATE_RULES[cfg["update"]], momentum=cfg["momentum"])
    opt = torch.optim.Adam(student.parameters(), lr=1e-3)
    for _ in range(3):
        x, y = torch.randn(6, 6), torch.randint(0, cfg["n_cls"], (6,))
        train_step(student, teacher, bank, update, opt, x, y)


if __name__ == "__main__":
    main()
