import torch.nn as nn


class HardSharingNet(nn.Module):
    def __init__(self, tasks, d_in=8, hidden=32):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.heads = nn.ModuleDict({t.name: nn.Linear(hidden, t.out_dim) for t in tasks})

    @property
    def last_shared(self):
        return self.trunk[-2].weight

    def forward(self, x):
        z = self.trunk(x)
        return {name: head(z) for name, head in self.heads.items()}
