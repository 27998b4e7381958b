from .coupling import CouplingFlow
from .dequant import VariationalDequantizer
from .preprocess import dequantize, logit_transform

__all__ = ["CouplingFlow", "VariationalDequantizer", "dequantize", "logit_transform"]
