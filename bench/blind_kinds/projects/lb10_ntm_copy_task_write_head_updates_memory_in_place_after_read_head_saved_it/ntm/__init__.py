from .machine import NTM, NTMConfig

__all__ = ["NTM", "NTMConfig"]
