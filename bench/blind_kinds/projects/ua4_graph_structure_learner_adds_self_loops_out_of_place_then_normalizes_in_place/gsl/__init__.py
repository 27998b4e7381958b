from .model import GSLNet

__all__ = ["GSLNet"]
