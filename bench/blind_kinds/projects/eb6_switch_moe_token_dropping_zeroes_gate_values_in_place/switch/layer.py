import torch
import torch.nn as nn

from . import capacity
from .router import Top1Router


class SwitchFFN(nn.Module):
    def __init__(self, d_model, d_ff, n_experts, capacity_factor=1.0, drop_policy="probs"):
        super().__init__()
        assert drop_policy in ("probs", "gate"), drop_policy
        self.router = Top1Router(d_model, n_experts)
        self.experts = nn.ModuleList(
            nn.Sequential(nn.Linear(d_model, d_ff), nn.GELU(), nn.Linear(d_ff, d_model)) for _ in range(n_experts))
        self.capacity_factor = capacity_factor
        self.drop_policy = drop_policy

    def combine_weights(self, route, keep):
        if self.drop_policy == "probs":
            capacity.zero_dropped_(route.probs, keep)  # L
            return route.probs.gather(-1, route.expert[:, None]).squeeze(-1)
        return capacity.zero_dropped_(route.gate, keep)  # L

    def forward(self, x):
        shape = x.shape
        tokens = x.reshape(-1, shape[-1])
        route = self.router(tokens)
        cap = capacity.expert_capacity(tokens.shape[0], len(self.experts), self.capacity_factor)
        keep = capacity.keep_mask(route.expert, len(self.experts), cap)
        weight = self.combine_weights(route, keep)  # L
        out = torch.zeros_like(tokens)
        for e, expert in enumerate(self.experts):
            idx = torch.nonzero((route.expert == e) & keep).squeeze(-1)
            if idx.numel():
                out.index_add_(0, idx, weight[idx, None] * expert(tokens[idx]))
        return x + out.reshape(shape), route.aux_loss
