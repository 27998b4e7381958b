from .energy import EnergyMLP
from .samplers import langevin
from .trainer import CDTrainer

__all__ = ["CDTrainer", "EnergyMLP", "langevin"]
