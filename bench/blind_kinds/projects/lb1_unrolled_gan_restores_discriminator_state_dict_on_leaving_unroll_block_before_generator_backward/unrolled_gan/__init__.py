from .nets import build_discriminator, build_generator
from .trainer import UnrolledGANTrainer
from .unroll import unrolled

__all__ = ["UnrolledGANTrainer", "build_discriminator", "build_generator", "unrolled"]
