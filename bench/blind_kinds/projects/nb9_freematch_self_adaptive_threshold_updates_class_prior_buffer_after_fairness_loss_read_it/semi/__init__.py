from .algorithm import FreeMatch
from .thresholds import SelfAdaptiveThreshold
