from .planner import GradientMPC
from .world_model import DynamicsModel, fit_model

__all__ = ["DynamicsModel", "GradientMPC", "fit_model"]
