from .model import Seq2SeqTransformer

__all__ = ["Seq2SeqTransformer"]
