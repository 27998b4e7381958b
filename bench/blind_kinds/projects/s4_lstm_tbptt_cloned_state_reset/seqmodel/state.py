from dataclasses import dataclass

import torch


@dataclass
class LSTMState:
    h: torch.Tensor  # (layers, batch, hidden)
    c: torch.Tensor

    @classmethod
    def zeros(cls, layers, batch, hidden):
        return cls(torch.zeros(layers, batch, hidden), torch.zeros(layers, batch, hidden))

    def detach(self):
        """Cut the graph between chunks (truncated BPTT); the copy may be reset in place."""
        return LSTMState(self.h.detach().clone(), self.c.detach().clone())

    def reset_(self, done):
        """Zero the state of the streams whose sequence ended."""
        self.h[:, done] = 0.0  # L
        self.c[:, done] = 0.0  # L
        return self

    def as_tuple(self):
        return self.h, self.c
