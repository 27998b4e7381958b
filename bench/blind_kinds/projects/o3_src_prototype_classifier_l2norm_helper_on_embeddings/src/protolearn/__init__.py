from . import ops
from .heads import PrototypeHead
from .encoder import Encoder

__all__ = ["ops", "PrototypeHead", "Encoder"]
