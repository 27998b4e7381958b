import torch.nn as nn


class Router(nn.Module):
    def __init__(self, d_in, n_experts):
        super().__init__()
        self.score = nn.Linear(d_in, n_experts)
        self.norm = nn.Softmax(dim=-1)

    def forward(self, x):
        return self.norm(self.score(x))


class MoEClassifier(nn.Module):
    """Experts' outputs mixed by the router's probabilities; a read-out of the mixture."""

    def __init__(self, d_in=6, n_experts=3, d_hidden=8, n_classes=4):
        super().__init__()
        self.router = Router(d_in, n_experts)
        self.experts = nn.ModuleList(nn.Linear(d_in, d_hidden) for _ in range(n_experts))
        self.readout = nn.Linear(n_experts, n_classes)
        self.head = nn.Linear(d_hidden, n_classes)

    def forward(self, x):
        probs = self.router(x)
        mixed = sum(probs[:, i:i + 1] * e(x) for i, e in enumerate(self.experts))
        return self.head(mixed) + self.readout(probs)
