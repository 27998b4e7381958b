"""Key/value caches for attending across chunks of one long sequence."""
import torch

CACHES = {}


def register(name):
    def deco(cls):
        CACHES[name] = cls
        return cls
    return deco


@register("static")
class StaticKVCache:
    """Preallocated buffers written slot by slot: no reallocation as the sequence grows."""

    def __init__(self, batch, heads, max_len, head_dim):
        self.k = torch.zeros(batch, heads, max_len, head_dim)
        self.v = torch.zeros(batch, heads, max_len, head_dim)
        self.length = 0

    def update(self, k, v):
        start, end = self.length, self.length + k.shape[2]
        self.k[:, :, start:end] = k  # L
        self.v[:, :, start:end] = v  # L
        self.length = end
        return self.k[:, :, :end], self.v[:, :, :end]


@register("dynamic")
class DynamicKVCache:
    """Grows by concatenation: every chunk gets new tensors."""

    def __init__(self, batch, heads, max_len, head_dim):
        self.k = self.v = None
        self.length = 0

    def update(self, k, v):
        self.k = k if self.k is None else torch.cat([self.k, k], dim=2)
        self.v = v if self.v is None else torch.cat([self.v, v], dim=2)
        self.length = self.k.shape[2]
        return self.k, self.v


def make_cache(name, **shape):
    return CACHES[name](**shape)
