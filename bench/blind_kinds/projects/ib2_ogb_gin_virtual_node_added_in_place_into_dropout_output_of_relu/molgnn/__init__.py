from .model import GNN
from .train import evaluate, train_epoch

__all__ = ["GNN", "evaluate", "train_epoch"]
