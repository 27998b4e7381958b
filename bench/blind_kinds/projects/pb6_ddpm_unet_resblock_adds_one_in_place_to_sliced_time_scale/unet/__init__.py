from .model import TinyUNet

__all__ = ["TinyUNet"]
