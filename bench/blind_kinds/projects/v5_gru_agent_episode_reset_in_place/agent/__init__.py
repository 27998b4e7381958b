from .policy import RecurrentAgent

__all__ = ["RecurrentAgent"]
