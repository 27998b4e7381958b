from .callbacks import CALLBACKS
from .losses import LabelSmoothedKL
from .model import Seq2SeqTransformer

__all__ = ["CALLBACKS", "LabelSmoothedKL", "Seq2SeqTransformer"]
