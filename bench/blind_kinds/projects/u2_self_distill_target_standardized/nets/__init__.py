from .deep import DeepSupervisedNet

__all__ = ["DeepSupervisedNet"]
