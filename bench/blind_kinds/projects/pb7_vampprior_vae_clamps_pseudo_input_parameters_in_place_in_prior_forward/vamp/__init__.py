from .model import VAE
from .prior import VampPrior

__all__ = ["VAE", "VampPrior"]
