from .bank import SoftTargetBank
from .data import Batch, make_batches
from .trainer import PSKDTrainer
