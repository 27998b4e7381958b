import torch
import torch.nn as nn
import torch.nn.functional as F


class KeyQueue(nn.Module):
    """A FIFO of unit keys, stored column-wise as in the MoCo paper (dim x size)."""

    def __init__(self, dim, size):
        super().__init__()
        self.register_buffer("queue", F.normalize(torch.randn(dim, size), dim=0))
        self.register_buffer("ptr", torch.zeros((), dtype=torch.long))

    @property
    def size(self):
        return self.queue.shape[1]

    @torch.no_grad()
    def enqueue(self, keys):
        n, p = keys.shape[0], int(self.ptr)
        self.queue[:, p:p + n] = keys.t()  # L
        self.ptr.fill_((p + n) % self.size)


def enqueue_on_forward(encoder, queue):
    """Every key batch the key encoder produces goes into the queue as it is computed."""

    def hook(module, inputs, output):
        queue.enqueue(F.normalize(output, dim=1))

    return encoder.register_forward_hook(hook)
