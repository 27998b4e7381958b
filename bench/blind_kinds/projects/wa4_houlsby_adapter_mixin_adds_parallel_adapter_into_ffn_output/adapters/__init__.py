from .config import AdapterConfig
from .model import AdaptedEncoder, trainable_parameters

__all__ = ["AdapterConfig", "AdaptedEncoder", "trainable_parameters"]
