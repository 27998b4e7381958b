from .model import Seq2Seq
from .sampling import ScheduledSampler

__all__ = ["Seq2Seq", "ScheduledSampler"]
