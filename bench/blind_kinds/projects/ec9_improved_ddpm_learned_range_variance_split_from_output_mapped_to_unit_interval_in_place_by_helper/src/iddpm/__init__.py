from .gaussian_diffusion import GaussianDiffusion, cosine_alphas_cumprod
from .net import EpsVarNet

__all__ = ["EpsVarNet", "GaussianDiffusion", "cosine_alphas_cumprod"]
