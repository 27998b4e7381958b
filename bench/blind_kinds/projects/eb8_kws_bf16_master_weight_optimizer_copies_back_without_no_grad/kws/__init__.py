from .features import LogMel
from .model import KeywordSpotter
