import torch.nn as nn


class TopKRouter(nn.Module):
    """Mixture-of-depths routing (Raposo et al. 2024): a scalar score per token; the top `capacity`
    fraction of each sequence goes through the block, the rest skips it."""

    def __init__(self, dim, capacity=0.5):
        super().__init__()
        self.capacity = capacity
        self.score = nn.Linear(dim, 1)

    def forward(self, x):
        scores = self.score(x).squeeze(-1)
        k = max(1, int(self.capacity * x.shape[1]))
        weights, index = scores.topk(k, dim=1, sorted=False)
        return weights, index
