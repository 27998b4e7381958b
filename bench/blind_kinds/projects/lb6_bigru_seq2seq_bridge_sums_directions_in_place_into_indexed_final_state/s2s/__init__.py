from .model import Seq2Seq

__all__ = ["Seq2Seq"]
