from .generator import Generator
from .discriminator import Discriminator

__all__ = ["Generator", "Discriminator"]
