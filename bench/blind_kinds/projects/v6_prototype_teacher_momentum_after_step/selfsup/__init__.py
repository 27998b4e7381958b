from .networks import PrototypeNet
from .trainer import Trainer
