"""The epochs a path has seen (``State.seen``), as a persistent set.

A path's epochs grow with every branch, and every ``if``, loop pass and option
of an ``Alt`` copies them and joins them again: as plain sets, each copy and
each join cost the whole set (hundreds of epochs, thousands in timm's model
builders), though the paths differ by a few.  Here a set is a frozen *base*,
shared by every path that branched off after it was made, plus a small frozen
*delta* of the epochs added since.  Bases form a tree (each knows its parent and
the epochs it added to it): a copy costs nothing (the value is immutable), and a
join or a difference costs the epochs added since the two paths' nearest common
base, not the whole set.
"""
from __future__ import annotations

_EMPTY = frozenset()
# a delta grows up to this many epochs before it becomes a base of its own: a
# copy-free path pays it at each added epoch (a frozenset of the delta), a rebase
# pays the whole set
_DELTA_LIMIT = 48


class _Base:
    __slots__ = ("items", "added", "parent", "depth")

    def __init__(self, items, added, parent):
        self.items = items  # every epoch of this base (frozenset)
        self.added = added  # those its parent lacks
        self.parent = parent
        self.depth = parent.depth + 1 if parent is not None else 0


_ROOT = _Base(_EMPTY, _EMPTY, None)


class Epochs:
    """An immutable set of epochs: ``in``, ``len``, iteration, ``|`` and ``-`` (which
    gives a frozenset), as a frozenset would."""
    __slots__ = ("base", "delta")

    def __init__(self, base=_ROOT, delta=_EMPTY):
        self.base = base
        self.delta = delta  # (never shares an epoch with base.items)

    def __contains__(self, epoch):
        return epoch in self.delta or epoch in self.base.items

    def __len__(self):
        return len(self.base.items) + len(self.delta)

    def __iter__(self):
        yield from self.base.items
        yield from self.delta

    def __bool__(self):
        return bool(self.delta) or bool(self.base.items)

    def full(self):
        return self.base.items | self.delta if self.delta else self.base.items

    def plus(self, epoch):
        """This set and a new ``epoch``."""
        if epoch in self:
            return self
        return _make(self.base, self.delta | {epoch})

    def __or__(a, b):
        if a is b:
            return a
        if a.base is b.base:
            return _make(a.base, a.delta | b.delta) if b.delta else a
        common = _common(a.base, b.base)
        if common is a.base:  # b's base holds all of a's
            return _make(b.base, (a.delta - b.base.items) | b.delta)
        if common is b.base:
            return _make(a.base, (b.delta - a.base.items) | a.delta)
        return _make(common, _above(a, common) | _above(b, common))

    def __sub__(a, b):
        """The epochs of ``a`` that ``b`` lacks (a frozenset)."""
        if a is b:
            return _EMPTY
        if a.base is b.base:
            return a.delta - b.delta
        common = _common(a.base, b.base)
        if common is a.base:
            return a.delta - b.base.items - b.delta
        return _above(a, common) - (b.delta if common is b.base else _above(b, common))


def _make(base, delta):
    if len(delta) <= _DELTA_LIMIT:
        return Epochs(base, delta)
    return Epochs(_Base(base.items | delta, delta, base), _EMPTY)


def _common(x, y):
    """The nearest base both ``x`` and ``y`` grew from."""
    while x.depth > y.depth:
        x = x.parent
    while y.depth > x.depth:
        y = y.parent
    while x is not y:
        x, y = x.parent, y.parent
    return x


def _above(s, common):
    """The epochs of ``s`` that its ancestor base ``common`` lacks."""
    parts = [s.delta]
    base = s.base
    while base is not common:
        parts.append(base.added)
        base = base.parent
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def union_all(sets):
    out = Epochs()
    for s in sets:
        out = out | s
    return out
