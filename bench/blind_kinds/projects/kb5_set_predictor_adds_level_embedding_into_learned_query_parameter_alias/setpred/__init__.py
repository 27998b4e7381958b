from .config import SetConfig
from .model import SetPredictor

__all__ = ["SetConfig", "SetPredictor"]
