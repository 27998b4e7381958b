from .kernels import RBF
from .model import ExactGP
from .transforms import Standardize

__all__ = ["RBF", "ExactGP", "Standardize"]
