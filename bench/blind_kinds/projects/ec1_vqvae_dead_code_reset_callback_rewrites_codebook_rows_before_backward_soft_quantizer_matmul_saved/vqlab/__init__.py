from .callbacks import DeadCodeReset
from .model import VQVAE
from .quantizers import QUANTIZERS

__all__ = ["DeadCodeReset", "QUANTIZERS", "VQVAE"]
