from .fake_quant import ActFakeQuant
from .pool import QuantizerPool

__all__ = ["ActFakeQuant", "QuantizerPool"]
