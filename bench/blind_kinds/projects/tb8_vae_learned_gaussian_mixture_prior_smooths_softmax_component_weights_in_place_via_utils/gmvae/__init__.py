from .model import MixturePriorVAE
from .priors import MixturePrior

__all__ = ["MixturePriorVAE", "MixturePrior"]
