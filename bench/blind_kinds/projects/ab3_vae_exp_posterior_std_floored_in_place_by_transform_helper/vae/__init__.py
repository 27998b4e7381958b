from .model import VAE, VAEConfig
from .posterior import DiagonalGaussian

__all__ = ["VAE", "VAEConfig", "DiagonalGaussian"]
