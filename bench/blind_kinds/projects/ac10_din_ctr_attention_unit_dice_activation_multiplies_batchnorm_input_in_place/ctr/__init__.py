from .din import DIN

__all__ = ["DIN"]
