from .attention import ATTENTIONS, LearnedBiasAttention, VanillaAttention
from .base import CausalAttentionBase
from .gpt import TinyGPT

__all__ = ["ATTENTIONS", "CausalAttentionBase", "LearnedBiasAttention", "TinyGPT", "VanillaAttention"]
