import torch


def repackage_hidden(h):
    """Wraps hidden states in new tensors, to detach them from their history."""
    if isinstance(h, torch.Tensor):
        return h.detach()
    return tuple(repackage_hidden(v) for v in h)


class StateCarrier:
    """Carries the recurrent state from one batch of the stream to the next."""

    def __init__(self, initial, detach=True):
        self.state = initial
        self.detach = detach

    def update(self, new_state):
        self.state = repackage_hidden(new_state) if self.detach else new_state
