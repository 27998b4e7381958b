from .steps import STEPS

__all__ = ["STEPS"]
