from .nets import Discriminator, Generator
from .objectives import compute_losses
from .trainer import GANTrainer

__all__ = ["Discriminator", "Generator", "GANTrainer", "compute_losses"]
