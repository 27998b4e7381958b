from .guards import install_nan_guards

__all__ = ["install_nan_guards"]
