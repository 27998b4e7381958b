import torch.nn as nn
import torch.nn.functional as F


class Embedder(nn.Module):
    def __init__(self, d_in, dim):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, dim))

    def forward(self, x):
        return F.normalize(self.net(x), dim=1)


class ContrastiveWithMemory(nn.Module):
    """Contrastive loss of the batch against the cross-batch memory: pull positives to cosine 1,
    push negatives below the margin."""

    def __init__(self, memory, margin=0.5):
        super().__init__()
        self.memory = memory
        self.margin = margin

    def forward(self, feats, labels):
        mem_feats, mem_labels = self.memory.get()
        if mem_feats.size(0) == 0:
            return feats.sum() * 0.0
        sim = feats @ mem_feats.t()
        pos = labels[:, None] == mem_labels[None, :]
        hard_neg = ~pos & (sim.detach() > self.margin)
        return (((1 - sim) * pos).sum() + (sim * hard_neg).sum()) / feats.size(0)
