from .agent import DrQAgent

__all__ = ["DrQAgent"]
