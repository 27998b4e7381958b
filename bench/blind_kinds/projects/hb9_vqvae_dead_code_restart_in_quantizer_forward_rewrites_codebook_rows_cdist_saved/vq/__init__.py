from .model import build_vqvae
from .restart import DeadCodeRestart

__all__ = ["DeadCodeRestart", "build_vqvae"]
