from .model import DeepFM

__all__ = ["DeepFM"]
