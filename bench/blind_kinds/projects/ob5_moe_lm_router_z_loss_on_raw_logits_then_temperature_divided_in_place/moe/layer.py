import torch
import torch.nn as nn

from .router import Router


class MoEFeedForward(nn.Module):
    """Top-1 routed feed-forward experts (no capacity limit: every token is processed)."""

    def __init__(self, dim, hidden, router_cfg):
        super().__init__()
        self.router = Router(dim, router_cfg)
        self.experts = nn.ModuleList(
            nn.Sequential(nn.Linear(dim, hidden), nn.GELU(), nn.Linear(hidden, dim))
            for _ in range(router_cfg.num_experts))

    def forward(self, x):
        flat = x.reshape(-1, x.shape[-1])
        gate, index = self.router(flat)  # L
        out = torch.zeros_like(flat)
        for e, expert in enumerate(self.experts):
            sel = (index == e).nonzero(as_tuple=True)[0]
            if sel.numel():
                out = out.index_add(0, sel, gate[sel, None] * expert(flat[sel]))
        return out.view_as(x)
