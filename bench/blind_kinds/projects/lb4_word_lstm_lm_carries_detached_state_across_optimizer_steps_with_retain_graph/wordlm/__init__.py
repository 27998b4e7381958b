from .model import RNNModel
from .state import StateCarrier, repackage_hidden
from .trainer import TrainConfig, train_epoch

__all__ = ["RNNModel", "StateCarrier", "TrainConfig", "repackage_hidden", "train_epoch"]
