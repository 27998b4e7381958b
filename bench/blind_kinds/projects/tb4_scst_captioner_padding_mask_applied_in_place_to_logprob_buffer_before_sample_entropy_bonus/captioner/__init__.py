from .decoder import Captioner
from .losses import scst_loss
from .rewards import token_f1

__all__ = ["Captioner", "scst_loss", "token_f1"]
