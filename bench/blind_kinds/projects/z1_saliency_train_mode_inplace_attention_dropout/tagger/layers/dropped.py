import torch.nn as nn

from .attention import DotAttention

__all__ = ["DroppedAttention"]


class DroppedAttention(DotAttention):
    """Attention dropout on the probabilities, in place to spare a copy of the (T, T) map."""

    def __init__(self, dim: int, p: float = 0.1):
        super().__init__(dim)
        self.drop = nn.Dropout(p, inplace=True)  # L

    def attend(self, probs):
        return self.drop(probs)  # L
