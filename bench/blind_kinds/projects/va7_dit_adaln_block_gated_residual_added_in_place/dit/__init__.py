from .model import DiT
from .diffusion import GaussianDiffusion

__all__ = ["DiT", "GaussianDiffusion"]
