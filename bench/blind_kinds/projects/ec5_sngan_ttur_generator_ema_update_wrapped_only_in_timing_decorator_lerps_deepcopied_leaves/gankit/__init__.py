from .ema import GeneratorEMA
from .nets import Discriminator, Generator

__all__ = ["Discriminator", "GeneratorEMA", "Generator"]
