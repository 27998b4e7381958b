from .distances import DISTANCES, register
from .embed import Embedding
from .episode import EpisodeLoss

__all__ = ["DISTANCES", "register", "Embedding", "EpisodeLoss"]
