import math

import torch


def radius_graph(pos, cutoff):
    d = torch.cdist(pos, pos)
    src, dst = torch.nonzero((d < cutoff) & ~torch.eye(len(pos), dtype=torch.bool), as_tuple=True)
    return src, dst


class CosineCutoff:
    """Smoothly switch interactions off at the cutoff radius."""

    def __init__(self, cutoff):
        self.cutoff = cutoff

    def envelope(self, d):
        return 0.5 * (torch.cos(d * math.pi / self.cutoff) + 1.0) * (d < self.cutoff)

    def apply_(self, features, d):
        return features.mul_(self.envelope(d).unsqueeze(-1))  # L
