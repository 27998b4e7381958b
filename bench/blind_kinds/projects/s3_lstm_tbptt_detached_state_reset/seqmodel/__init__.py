from .model import StreamClassifier
from .state import LSTMState

__all__ = ["StreamClassifier", "LSTMState"]
