from .likelihoods import LIKELIHOODS, build_likelihood
from .model import DeepAR

__all__ = ["DeepAR", "LIKELIHOODS", "build_likelihood"]
