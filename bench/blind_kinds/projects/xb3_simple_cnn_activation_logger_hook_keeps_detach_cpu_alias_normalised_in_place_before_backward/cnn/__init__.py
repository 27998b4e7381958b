from .engine import train_one_epoch
from .model import SimpleCNN
from .viz import ActivationLogger
