from .heads import IncrementalHead
from .learner import IncrementalLearner
from .stream import class_incremental_stream

__all__ = ["IncrementalHead", "IncrementalLearner", "class_incremental_stream"]
