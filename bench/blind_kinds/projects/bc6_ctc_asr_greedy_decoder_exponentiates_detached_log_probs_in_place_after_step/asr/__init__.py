from .decoding import GreedyCTCDecoder
from .model import ConvGRUEncoder
from .trainer import CTCTrainer

__all__ = ["CTCTrainer", "ConvGRUEncoder", "GreedyCTCDecoder"]
