from dataclasses import dataclass
from typing import Callable

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class Task:
    name: str
    out_dim: int
    loss: Callable
    make_target: Callable


TASKS = [
    Task("depth", 1, lambda p, t: F.smooth_l1_loss(p.squeeze(-1), t),
         lambda x: x[:, :2].sum(-1)),
    Task("segment", 3, F.cross_entropy, lambda x: x[:, 2:5].argmax(-1)),
    Task("normal", 3, lambda p, t: (1 - F.cosine_similarity(p, t, dim=-1)).mean(),
         lambda x: F.normalize(x[:, :3], dim=-1)),
]


def task_losses(outputs, x):
    return torch.stack([task.loss(outputs[task.name], task.make_target(x)) for task in TASKS])
