from typing import List, Sequence, Tuple

import torch
import torch.nn as nn

from .acts import get_activation


class DeeplySupervisedMLP(nn.Module):
    """An MLP with an auxiliary classifier on every stage's pre-activation features."""

    def __init__(self, d_in: int, widths: Sequence[int], n_classes: int, act: str = "relu"):
        super().__init__()
        dims = [d_in, *widths]
        self.stages = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.aux_heads = nn.ModuleList(nn.Linear(w, n_classes) for w in widths)
        self.head = nn.Linear(widths[-1], n_classes)
        self.act = get_activation(act)

    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, List[torch.Tensor]]:
        aux_logits = []
        h = x
        for i, (stage, aux) in enumerate(zip(self.stages, self.aux_heads)):
            h = stage(h)
            aux_logits.append(aux(h))
            h = self.act(h)  # L
        return self.head(h), aux_logits
