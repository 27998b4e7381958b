from .engine import build, train_one_epoch

__all__ = ["build", "train_one_epoch"]
