"""Stand-in for a cross-rank all_gather on one process: the local features take their slot
and the other ranks' features (here, a fixed bank of detached features) fill the rest."""
import torch


class FeatureGatherer:
    def __init__(self, world_size, rank):
        self.world_size = world_size
        self.rank = rank
        self._buf = None

    def _buffer(self, local):
        # reuse the gather buffer across calls: it is the largest tensor of the loss
        shape = (self.world_size * local.shape[0], local.shape[1])
        if self._buf is None or self._buf.shape != shape:
            self._buf = local.new_empty(shape)
        return self._buf

    def __call__(self, local, remote):
        buf = self._buffer(local)
        n = local.shape[0]
        for r in range(self.world_size):
            if r == self.rank:
                buf[r * n:(r + 1) * n] = local  # L
            else:
                buf[r * n:(r + 1) * n] = remote[r]  # L
        return buf
