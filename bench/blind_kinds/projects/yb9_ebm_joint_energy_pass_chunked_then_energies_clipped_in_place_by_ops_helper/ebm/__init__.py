from .energy import EnergyNet
from .losses import contrastive_divergence
from .sampler import ReplayBuffer, sgld_sample

__all__ = ["EnergyNet", "contrastive_divergence", "ReplayBuffer", "sgld_sample"]
