from .autoencoder import AutoEncoder
from .denoiser import Denoiser
from .losses import joint_loss
from .schedule import NoiseSchedule

__all__ = ["AutoEncoder", "Denoiser", "NoiseSchedule", "joint_loss"]
