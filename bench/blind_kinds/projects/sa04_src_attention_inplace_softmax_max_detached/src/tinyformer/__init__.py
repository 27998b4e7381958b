from .config import EncoderConfig
from .encoder import Encoder

__all__ = ["EncoderConfig", "Encoder"]
