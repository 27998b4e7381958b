from .losses import MultiTaskLoss
from .model import TabularNet
