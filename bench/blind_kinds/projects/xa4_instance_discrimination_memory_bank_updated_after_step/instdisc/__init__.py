from .bank import MemoryBank
from .engine import train_step
from .model import Encoder
