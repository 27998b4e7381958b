from .net import ConvNet
from .trainer import train
from .vat import VATLoss

__all__ = ["ConvNet", "VATLoss", "train"]
