from .model import BYOL

__all__ = ["BYOL"]
