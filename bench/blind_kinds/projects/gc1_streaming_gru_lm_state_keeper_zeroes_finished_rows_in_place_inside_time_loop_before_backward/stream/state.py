import torch


class StateKeeper:
    """Holds the recurrent state across chunks (truncated BPTT over a stream of documents)."""

    def __init__(self, batch, hidden):
        self.h = torch.zeros(batch, hidden)

    def get(self):
        return self.h

    def set(self, h):
        self.h = h

    def reset_(self, done):
        # rows whose document just ended start the next document from a zero state
        self.h[done] = 0.0  # L

    def detach_(self):
        self.h = self.h.detach()
