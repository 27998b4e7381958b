from .config import PruneConfig
from .model import SmallCNN
from .pruner import GradualPruner

__all__ = ["PruneConfig", "SmallCNN", "GradualPruner"]
