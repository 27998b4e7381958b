import torch


def group_by_expert(x, expert_idx, n_experts):
    """Sorts tokens by expert and returns one contiguous batch per expert plus the order."""
    order = torch.argsort(expert_idx, stable=True)
    counts = torch.bincount(expert_idx, minlength=n_experts).tolist()
    return list(torch.split(x[order], counts)), order


def drop_overflow_(tokens, capacity):
    """GShard-style capacity: tokens past the expert's capacity are dropped (zeroed)."""
    if tokens.shape[0] > capacity:
        tokens[capacity:] = 0  # L
    return tokens
