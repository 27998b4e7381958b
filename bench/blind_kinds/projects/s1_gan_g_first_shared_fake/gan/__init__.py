from .config import TrainConfig
from .models import Discriminator, Generator
from .trainer import GANTrainer

__all__ = ["TrainConfig", "Generator", "Discriminator", "GANTrainer"]
