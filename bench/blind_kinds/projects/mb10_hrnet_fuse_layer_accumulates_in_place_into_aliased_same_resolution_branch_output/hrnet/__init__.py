from .model import TinyHRNet

__all__ = ["TinyHRNet"]
