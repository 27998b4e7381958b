from .model import FNO1d

__all__ = ["FNO1d"]
