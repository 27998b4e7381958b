import torch


@torch.no_grad()
def max_norm_(embedding, max_norm=1.0):
    """Project every row of an embedding table back onto the ball of radius max_norm."""
    w = embedding.weight
    norms = w.norm(dim=1, keepdim=True)
    w.mul_(norms.clamp(min=max_norm).reciprocal().mul_(max_norm))  # L
    return embedding
