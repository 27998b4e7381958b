from .autoencoder import AutoEncoder

__all__ = ["AutoEncoder"]
