"""Instance noise (Sønderby et al. 2016): Gaussian noise on the critic's inputs, annealed to zero."""
import torch

__all__ = ["instance_noise_"]


def instance_noise_(x: torch.Tensor, sigma: float) -> torch.Tensor:
    if sigma > 0:
        x.add_(torch.randn_like(x), alpha=sigma)  # L
    return x
