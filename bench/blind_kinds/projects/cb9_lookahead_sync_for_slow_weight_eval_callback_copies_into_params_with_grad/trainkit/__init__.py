from .callbacks import SlowWeightsEval
from .lookahead import Lookahead
from .loop import Trainer

__all__ = ["Lookahead", "SlowWeightsEval", "Trainer"]
