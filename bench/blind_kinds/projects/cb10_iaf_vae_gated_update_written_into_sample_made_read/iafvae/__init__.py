from .model import IAFVAE

__all__ = ["IAFVAE"]
