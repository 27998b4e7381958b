from .model import NNCLR, NNCLROutput
from .support import SupportSet

__all__ = ["NNCLR", "NNCLROutput", "SupportSet"]
