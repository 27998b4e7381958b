import torch


def center_(t: torch.Tensor) -> torch.Tensor:
    """Subtract the feature mean, in place."""
    t -= t.mean(dim=-1, keepdim=True)  # L
    return t
