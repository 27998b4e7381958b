from dataclasses import dataclass

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class RouterOutput:
    probs: torch.Tensor     # [tokens, experts]
    gate: torch.Tensor      # [tokens], probability of the chosen expert
    expert: torch.Tensor    # [tokens]
    aux_loss: torch.Tensor  # Switch Transformer load-balancing loss


class Top1Router(nn.Module):
    def __init__(self, d_model, n_experts, jitter=0.01):
        super().__init__()
        self.n_experts = n_experts
        self.jitter = jitter
        self.proj = nn.Linear(d_model, n_experts, bias=False)

    def forward(self, x):
        if self.training and self.jitter:
            x = x * torch.empty_like(x).uniform_(1 - self.jitter, 1 + self.jitter)
        probs = F.softmax(self.proj(x), dim=-1)
        gate, expert = probs.max(dim=-1)
        load = F.one_hot(expert, self.n_experts).float().mean(0)
        aux = self.n_experts * (load * probs.mean(0)).sum()
        return RouterOutput(probs, gate, expert, aux)
