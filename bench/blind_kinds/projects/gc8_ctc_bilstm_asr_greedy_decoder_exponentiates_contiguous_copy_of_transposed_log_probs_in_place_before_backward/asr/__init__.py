from .decoding import greedy_decode
from .model import BiLSTMCTC
from .trainer import CTCTrainer

__all__ = ["BiLSTMCTC", "CTCTrainer", "greedy_decode"]
