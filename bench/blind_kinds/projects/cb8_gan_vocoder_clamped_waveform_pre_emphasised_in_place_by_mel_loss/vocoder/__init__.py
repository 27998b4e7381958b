from .config import VocoderConfig
from .losses import discriminator_loss, generator_loss
from .models import Discriminator, Generator

__all__ = ["Discriminator", "Generator", "VocoderConfig", "discriminator_loss", "generator_loss"]
