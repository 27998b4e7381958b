from .bilm import BiLM
from .scalar_mix import ScalarMix

__all__ = ["BiLM", "ScalarMix"]
