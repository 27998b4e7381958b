from .magnitude import magnitude_prune_, sparsity

__all__ = ["magnitude_prune_", "sparsity"]
