from .heads import PrototypeHead
from .trainer import ClusterTrainer

__all__ = ["ClusterTrainer", "PrototypeHead"]
