from dataclasses import dataclass

import torch


@dataclass
class DecoderState:
    attn_h: torch.Tensor
    attn_c: torch.Tensor
    context: torch.Tensor
    cum_weights: torch.Tensor

    @classmethod
    def initial(cls, memory, rnn_dim):
        b, t, d = memory.shape
        zeros = memory.new_zeros
        return cls(zeros(b, rnn_dim), zeros(b, rnn_dim), zeros(b, d), zeros(b, t))

    def accumulate_(self, weights):
        self.cum_weights += weights  # L
        return self
