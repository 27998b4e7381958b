from .acts import get_activation
from .model import DeeplySupervisedMLP

__all__ = ["DeeplySupervisedMLP", "get_activation"]
