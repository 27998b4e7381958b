from .models import Discriminator, Generator
from .trainer import GANTrainer

__all__ = ["Generator", "Discriminator", "GANTrainer"]
