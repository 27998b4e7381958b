from .config import ModelConfig
from .lm import TinyLM

__all__ = ["ModelConfig", "TinyLM"]
