from .pruner import MagnitudePruner

__all__ = ["MagnitudePruner"]
