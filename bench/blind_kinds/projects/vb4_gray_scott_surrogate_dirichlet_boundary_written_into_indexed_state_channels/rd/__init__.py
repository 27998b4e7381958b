from .config import TrainConfig
from .model import GrayScottSolver, ReactionDiffusionNet

__all__ = ["TrainConfig", "GrayScottSolver", "ReactionDiffusionNet"]
