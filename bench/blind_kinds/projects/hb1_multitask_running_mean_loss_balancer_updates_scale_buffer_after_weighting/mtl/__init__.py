from .balancers import BALANCERS, build_balancer
from .losses import MultiTaskLoss
from .model import MultiTaskNet

__all__ = ["BALANCERS", "MultiTaskLoss", "MultiTaskNet", "build_balancer"]
