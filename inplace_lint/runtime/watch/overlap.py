"""Do two strided views of one storage touch a common byte?

Comparing lowest-to-highest byte ranges is not enough: torch's recurrent
cells write disjoint, interleaved column blocks of one gate tensor
(``unsafe_chunk`` of a ``[batch, 4 * hidden]`` tensor), whose ranges overlap
although no element is shared.  The answer here is exact:

a view is a set of equally long runs of contiguous bytes (the innermost
dimensions merged while their strides chain), starting at
``offset + sum(k_i * stride_i)`` over the outer dimensions.  Two such sets
intersect iff some run of the second starts before the end of, and ends after
the start of, the last run of the first that starts before it ends -- one
``searchsorted`` over the sorted starts.

Views with more runs than ``MAX_RUNS`` are answered by their byte ranges
(which may say "overlap" where there is none); callers never claim silent
corruption on an overlap alone (they compare values at backward).
"""
from __future__ import annotations

import torch

MAX_RUNS = 1 << 18


def _layout(t):
    """(element offset, run length in elements, [(size, stride), ...] outer
    dims sorted by stride), all in elements of ``t``."""
    dims = [(s, st) for s, st in zip(t.shape, t.stride()) if s != 1 and st != 0]
    dims.sort(key=lambda d: d[1])
    run = 1
    i = 0
    # merge the innermost dimensions while they continue each other exactly
    while i < len(dims) and dims[i][1] == run:
        run *= dims[i][0]
        i += 1
    return t.storage_offset(), run, dims[i:]


def _extent(off, run, outer, es):
    hi = off + run
    for s, st in outer:
        hi += (s - 1) * st
    return off * es, hi * es


def _starts(off, outer, es):
    """Sorted byte offsets of the runs (a 1-d int64 tensor)."""
    starts = torch.tensor([off], dtype=torch.int64)
    for s, st in outer:
        step = torch.arange(s, dtype=torch.int64) * st
        starts = (starts.unsqueeze(1) + step.unsqueeze(0)).reshape(-1)
    return torch.sort(starts * es).values


def overlaps(a, b) -> bool:
    """True iff views ``a`` and ``b`` (of one storage) share a byte.

    Exact up to ``MAX_RUNS`` runs per view; beyond that, byte-range overlap."""
    if a.numel() == 0 or b.numel() == 0:
        return False
    ea_, eb_ = a.element_size(), b.element_size()
    la, lb = _layout(a), _layout(b)
    ea = _extent(la[0], la[1], la[2], ea_)
    eb = _extent(lb[0], lb[1], lb[2], eb_)
    if not (ea[0] < eb[1] and eb[0] < ea[1]):
        return False
    if not la[2] or not lb[2]:
        # one of them is a single contiguous run: its byte range is exact, and
        # the other touches it iff one of its runs does
        if not la[2] and not lb[2]:
            return True
        (one, one_es), (many, many_es) = ((la, ea_), (lb, eb_)) if not la[2] else ((lb, eb_), (la, ea_))
        lo, hi = one[0] * one_es, (one[0] + one[1]) * one_es
        return _runs_hit(many, many_es, lo, hi)
    na = 1
    for s, _ in la[2]:
        na *= s
    nb = 1
    for s, _ in lb[2]:
        nb *= s
    if na > MAX_RUNS or nb > MAX_RUNS:
        return True
    sa = _starts(la[0], la[2], ea_)
    sb = _starts(lb[0], lb[2], eb_)
    len_a, len_b = la[1] * ea_, lb[1] * eb_
    # for each run of b: the last run of a that starts before b's run ends
    idx = torch.searchsorted(sa, sb + len_b, right=False) - 1
    ok = idx >= 0
    if not bool(ok.any()):
        return False
    last_a_start = sa[idx.clamp(min=0)]
    return bool((ok & (last_a_start + len_a > sb)).any())


def _runs_hit(lay, es, lo, hi) -> bool:
    """Does a run of the view with layout ``lay`` touch bytes [lo, hi)?"""
    off, run, outer = lay
    n = 1
    for s, _ in outer:
        n *= s
    if n > MAX_RUNS:
        return True
    starts = _starts(off, outer, es)
    ends = starts + run * es
    return bool(((starts < hi) & (ends > lo)).any())
