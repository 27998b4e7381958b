from .ada import AdaTuner
from .losses import D_LOSSES, G_LOSSES
from .models import Discriminator, Generator
from .steps import d_step, g_step

__all__ = ["AdaTuner", "D_LOSSES", "G_LOSSES", "Discriminator", "Generator", "d_step", "g_step"]
