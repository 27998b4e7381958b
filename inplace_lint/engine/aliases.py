"""Other references to a tensor's memory: ``.data``, ``detach()``, a custom Function's view.

Each keeps what the tensor could not see on its path (Tensor.hide), and a join stays a join
where a write through the new reference must be judged per path.
"""
from __future__ import annotations

from .values import Tensor


def data_alias(t):
    """``t.data``: the same memory and version counter, no graph, and no view (torch makes a
    new tensor).  A join of paths, one of which cannot see a save (the state a loop of
    unknown length returns: its input where it never ran, which the loop's steps kept), stays
    a join of the members' own ``.data``, so that a write through it is judged per path as a
    write without ``.data`` is.  Other groups (parameters joined for ``zip``) stay one value:
    each member really is written."""
    d = Tensor(storage=t.storage, rg=False, leaf=True, data=True, base=t, alias_certain=t.alias_certain,
               kind=t.kind)
    d.hide = t.hide
    if t.members and t.paths and any(m.hide for m in t.members):
        d.members, d.paths = [data_alias(m) for m in t.members], True
    elif not t.members:
        d.paths, d.member_hides = t.paths, t.member_hides  # (a join too large to keep its members)
    return d


def detached(t):
    """``t.detach()``: t's version counter, no graph.  A join stays a join of its members'
    detached copies, each seeing what it saw (and a ``.data`` alias stays one)."""
    d = Tensor(storage=t.storage, rg=False, leaf=True, alias_certain=t.alias_certain,
               kind=t.kind if t.kind != "param" else "fresh", noncontig=t.noncontig, dtype=t.dtype, data=t.data)
    d.hide, d.swap = t.hide, t.swap
    if t.members and t.paths:
        d.members, d.paths = [detached(m) for m in t.members], t.paths
        return d
    return keep_big_join(d, t)


def keep_big_join(d, t):
    """``d``, another reference to ``t``'s memory (a view, a detached copy), keeps what each
    path of a join too large to keep its members could not see (Tensor.member_hides)."""
    if t.member_hides is not None:
        d.paths, d.member_hides = t.paths, t.member_hides
    return d


def custom_view(t, rg=None):
    """``t`` as returned by a custom autograd Function as a view of its input (a
    ``view_as``, the input itself, a module's output under a full backward hook), with
    the Function's ``rg`` if given: torch refuses to modify it in place."""
    v = Tensor(storage=t.storage, rg=t.rg if rg is None else rg, leaf=False if t.rg is not False else t.leaf,
               view="custom", base=t, alias_certain=t.alias_certain, dtype=t.dtype,
               kind=t.kind if t.kind in ("arg", "opaque", "input") else "fresh")
    v.srcs = [t]
    return v
