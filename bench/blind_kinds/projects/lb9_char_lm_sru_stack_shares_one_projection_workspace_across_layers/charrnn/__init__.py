from .model import CharRNN
from .text import Vocab

__all__ = ["CharRNN", "Vocab"]
