from .config import ByteLMConfig
from .model import ByteLM
