from .universal import SharedBlock, UniversalMLP

__all__ = ["SharedBlock", "UniversalMLP"]
