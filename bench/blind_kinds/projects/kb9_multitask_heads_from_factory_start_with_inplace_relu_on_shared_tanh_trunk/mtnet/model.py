import torch.nn as nn

from .factory import make_act, make_head


class MultiTaskNet(nn.Module):
    """A shared trunk and one small head per task (age regression, gender classification)."""

    def __init__(self, d_in, width, tasks, trunk_act="tanh", head_act=None):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(d_in, width), make_act(trunk_act))
        self.heads = nn.ModuleDict({name: make_head(width, d_out, **(head_act or {}))
                                    for name, d_out in tasks.items()})

    def forward(self, x):
        h = self.trunk(x)
        return {name: head(h) for name, head in self.heads.items()}  # L
