from .models import Discriminator, Generator
from .spectral import spectral_norm
from .steps import d_step, g_step
