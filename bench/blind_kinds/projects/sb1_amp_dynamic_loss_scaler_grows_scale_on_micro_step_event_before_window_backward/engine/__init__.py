from .accumulate import AccumulatingTrainer

__all__ = ["AccumulatingTrainer"]
