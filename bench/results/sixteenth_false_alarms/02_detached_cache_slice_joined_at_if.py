"""rotary-embedding-torch 0.9.1: IPL001 warning at rotary_embedding_torch/rotary_embedding_torch.py:347
(``self.cached_freqs[:seq_len] = freqs.detach()`` in ``RotaryEmbedding.forward``, "`self.cached_freqs`
is modified in place by `[]=` but `cos` at line 71 (its self) saved it for backward ... (if that
op saved it on the path taken ...)", via ``rotate_queries_with_cached_keys`` -> the second
``rotate_queries_or_keys`` (line 208) -> ``forward`` (line 186)).

The rotary module caches its frequency table in a buffer.  ``forward`` returns either a slice of
the cache, detached, or a freshly computed table (``einsum`` of the positions with
``self.freqs``, a Parameter that requires grad only with ``learned_freq=True``), which it copies
into the cache when the call starts at offset 0:

    if should_cache and (offset + seq_len) <= self.cached_freqs_seq_len:
        return self.cached_freqs[offset:(offset + seq_len)].detach()
    freqs = einsum('..., f -> ... f', t.type(freqs.dtype), self.freqs)
    ...
    if should_cache and offset == 0:
        self.cached_freqs[:seq_len] = freqs.detach()

``apply_rotary_emb`` then slices the table on one branch (``if t.ndim == 3 or
exists(freqs_seq_dim): freqs = slice_at_dim(freqs, ...)``) and computes ``freqs.cos()`` and
``freqs.sin()``.  ``cos`` and ``sin`` keep their input only when it requires grad.  The table
that aliases the cache is a ``.detach()`` slice and never requires grad; the one that may
require grad is a new tensor that never aliases the cache.  So no save is ever made against the
cache's version counter and the later write into it cannot break a backward (in the library,
``should_cache`` is also false whenever ``learned_freq`` is true).

In the engine's terms: ``freqs`` after the ``if`` in ``apply_rotary_emb`` is a join of the two
arms (``paths`` = ("if", ...)) whose members include the detached cache slice (rg False) and the
fresh table (rg unknown).  The group's rg is unknown, so ``cos`` saves it, and
``TorchSemantics._save`` records the save of an if-join against each member's own version
counter ("on a's path a was saved"), the cache slice included, without asking whether that
member requires grad.  Without the ``if`` (the slice taken unconditionally) the copy is quiet; so
it is when the cached slice is cloned or the Parameter never requires grad.  The engine would
need, in that per-member loop, to skip a member whose rg is False when the op keeps the tensor
only for that tensor's own gradient (``cos``/``sin`` of their input); patched so in a test
process, this warning disappears here and on the library.
"""
import torch
from torch import nn


def apply_rotary_emb(freqs, t):
    if t.ndim == 3:
        freqs = freqs[-t.shape[-2]:]
    return t * freqs.cos() + t.flip(-1) * freqs.sin()


class RotaryEmbedding(nn.Module):
    def __init__(self, dim, learned_freq=False, cache_max_seq_len=64):
        super().__init__()
        freqs = 1.0 / (10000 ** (torch.arange(0, dim, 2).float() / dim))
        self.freqs = nn.Parameter(freqs.repeat_interleave(2), requires_grad=learned_freq)
        self.learned_freq = learned_freq
        self.cache_max_seq_len = cache_max_seq_len
        self.register_buffer("cached_freqs", torch.zeros(cache_max_seq_len, dim), persistent=False)
        self.cached_freqs_seq_len = 0

    def rotate_queries_or_keys(self, t, offset=0):
        seq_len = t.shape[-2]
        seq = torch.arange(seq_len, dtype=t.dtype) + offset
        freqs = self.forward(seq, seq_len=seq_len, offset=offset)
        return apply_rotary_emb(freqs, t)

    def rotate_queries_with_cached_keys(self, q, k, offset=0):
        q_len, k_len = q.shape[-2], k.shape[-2]
        rotated_q = self.rotate_queries_or_keys(q, offset=k_len - q_len + offset)
        rotated_k = self.rotate_queries_or_keys(k)
        return rotated_q, rotated_k

    def forward(self, t, seq_len=None, offset=0):
        should_cache = not self.learned_freq and (offset + seq_len) <= self.cache_max_seq_len
        if should_cache and (offset + seq_len) <= self.cached_freqs_seq_len:
            return self.cached_freqs[offset:(offset + seq_len)].detach()
        freqs = t[:, None] * self.freqs
        if should_cache and offset == 0:
            self.cached_freqs[:seq_len] = freqs.detach()
            self.cached_freqs_seq_len = seq_len
        return freqs


for learned in (False, True):
    rotary = RotaryEmbedding(8, learned_freq=learned)
    total = 0
    for n in (6, 4, 12, 3):  # miss, hit, miss (rewrites the cache), hit: all in one graph
        q = torch.randn(2, n - 1, 8, requires_grad=True)
        k = torch.randn(2, n, 8, requires_grad=True)
        rotated_q, rotated_k = rotary.rotate_queries_with_cached_keys(q, k)
        total = total + rotated_q.sum() + rotated_k.sum()
    total.backward()
