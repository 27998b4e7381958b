import copy

import torch
import torch.nn as nn


def build_pair(d_in, out_dim, embed_dim=16):
    student = nn.Sequential(
        nn.Linear(d_in, embed_dim), nn.GELU(), nn.Linear(embed_dim, embed_dim), nn.GELU(),
        nn.Linear(embed_dim, out_dim),
    )
    teacher = copy.deepcopy(student).requires_grad_(False)
    return student, teacher


@torch.no_grad()
def ema_update(student, teacher, m):
    for ps, pt in zip(student.parameters(), teacher.parameters()):
        pt.mul_(m).add_(ps, alpha=1 - m)
