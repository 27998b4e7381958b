from .model import WaveNet

__all__ = ["WaveNet"]
