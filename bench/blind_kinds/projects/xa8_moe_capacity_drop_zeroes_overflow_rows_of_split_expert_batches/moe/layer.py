import torch
import torch.nn as nn
import torch.nn.functional as F

from . import dispatch


class MoE(nn.Module):
    def __init__(self, d, n_experts=3, hidden=8, capacity_factor=1.0):
        super().__init__()
        self.router = nn.Linear(d, n_experts)
        self.experts = nn.ModuleList(
            nn.Sequential(nn.Linear(d, hidden), nn.GELU(), nn.Linear(hidden, d)) for _ in range(n_experts)
        )
        self.capacity_factor = capacity_factor

    def forward(self, x):
        b, t, d = x.shape
        flat = x.reshape(-1, d)
        probs = F.softmax(self.router(flat), dim=-1)
        gate, expert_idx = probs.max(dim=-1)
        capacity = int(self.capacity_factor * flat.shape[0] / len(self.experts))
        batches, order = dispatch.group_by_expert(flat, expert_idx, len(self.experts))
        outs = []
        for expert, tokens in zip(self.experts, batches):
            tokens = dispatch.drop_overflow_(tokens, capacity)  # L
            outs.append(expert(tokens))
        y = torch.empty_like(flat).index_copy(0, order, torch.cat(outs))
        aux = len(self.experts) * (probs.mean(0) * F.one_hot(expert_idx, len(self.experts)).float().mean(0)).sum()
        return (y * gate[:, None]).reshape(b, t, d), aux
