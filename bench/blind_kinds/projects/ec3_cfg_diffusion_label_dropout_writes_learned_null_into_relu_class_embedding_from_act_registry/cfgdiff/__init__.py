from .denoiser import Denoiser
from .diffusion import EMA, VDiffusion

__all__ = ["Denoiser", "EMA", "VDiffusion"]
