"""Maps from an unconstrained encoder output to a positive standard deviation."""
import torch
import torch.nn.functional as F

POSITIVE = {
    "exp": lambda raw: torch.exp(0.5 * raw),  # raw is a log-variance
    "softplus": F.softplus,
}


def positive(name):
    return POSITIVE[name]


def floor_(std, min_std):
    """Keeps the posterior from collapsing to a point (and log(std) finite)."""
    return std.clamp_(min=min_std)  # L
