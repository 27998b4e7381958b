import torch
import torch.nn as nn

from ..utils.tensor import leading_square
from .base import CausalAttentionBase


class VanillaAttention(CausalAttentionBase):
    def score_bias(self, t):
        return self.mask_future_(torch.zeros(t, t))


class LearnedBiasAttention(CausalAttentionBase):
    """A learned additive bias for every (query, key) position pair and head, sliced to the
    sequence length."""

    def __init__(self, cfg):
        super().__init__(cfg)
        self.bias_table = nn.Parameter(torch.zeros(cfg.n_heads, cfg.block_size, cfg.block_size))

    def score_bias(self, t):
        bias = leading_square(self.bias_table, t)
        return self.mask_future_(bias)  # L


ATTENTIONS = {"vanilla": VanillaAttention, "learned_bias": LearnedBiasAttention}
