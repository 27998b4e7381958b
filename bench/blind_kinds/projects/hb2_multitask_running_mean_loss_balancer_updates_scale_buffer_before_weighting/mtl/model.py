import torch.nn as nn


class MultiTaskNet(nn.Module):
    """A shared trunk with one head per task."""

    def __init__(self, d_in, hidden, heads):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.heads = nn.ModuleDict({task: nn.Linear(hidden, d_out) for task, d_out in heads.items()})

    def forward(self, x):
        z = self.trunk(x)
        return {task: head(z) for task, head in self.heads.items()}
