from .models import Critic, Generator
from .trainer import WGANGPTrainer

__all__ = ["Critic", "Generator", "WGANGPTrainer"]
