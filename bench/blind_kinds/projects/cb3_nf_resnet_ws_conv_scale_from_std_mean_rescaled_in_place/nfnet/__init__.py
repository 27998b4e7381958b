from .model import NFNet

__all__ = ["NFNet"]
