"""Reusable scratch tensors, so long sequences do not allocate one projection per batch."""


class Workspace:
    def __init__(self):
        self._buffers = {}

    def take(self, name, shape, like):
        """A buffer at least `shape` long in its first dimension; the caller fills the head of it."""
        buf = self._buffers.get(name)
        if buf is None or buf.shape[0] < shape[0] or buf.shape[1:] != tuple(shape[1:]):
            buf = like.new_empty(shape)
            self._buffers[name] = buf
        return buf
