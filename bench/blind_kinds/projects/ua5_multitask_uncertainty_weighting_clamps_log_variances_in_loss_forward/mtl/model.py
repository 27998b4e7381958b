import torch.nn as nn


class SharedTrunkNet(nn.Module):
    def __init__(self, in_dim, hidden, tasks):
        super().__init__()
        self.trunk = nn.Sequential(nn.Linear(in_dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU())
        self.heads = nn.ModuleDict({name: nn.Linear(hidden, out) for name, out in tasks.items()})

    def forward(self, x):
        h = self.trunk(x)
        return {name: head(h).squeeze(-1) if head.out_features == 1 else head(h)
                for name, head in self.heads.items()}
