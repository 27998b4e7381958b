from .registry import attach, available

__all__ = ["attach", "available"]
