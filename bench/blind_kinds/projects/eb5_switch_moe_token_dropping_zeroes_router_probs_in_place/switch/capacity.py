import math

import torch


def expert_capacity(n_tokens, n_experts, capacity_factor):
    return max(1, math.ceil(capacity_factor * n_tokens / n_experts))


def keep_mask(expert, n_experts, capacity):
    """True for the first `capacity` tokens routed to each expert, in token order."""
    one_hot = torch.nn.functional.one_hot(expert, n_experts)
    position = (one_hot.cumsum(0) * one_hot).sum(-1)
    return position <= capacity


def zero_dropped_(t, keep):
    """Overflow tokens skip the layer: their routing weight is zeroed (the residual carries them)."""
    t[~keep] = 0.0  # L
    return t
