"""What two lists from different paths share at their ends.

A list that one branch of an ``if`` lengthens (``layers = layers[:2] + [drop] + layers[2:]``)
is, after the ``if``, one of two lists of different lengths: its members are no longer
known by position, but the members both lists hold at their start (the same values, in the
same order) are still its first ones, and those both hold at their end its last ones.  A
``nn.Sequential`` built from it still ends with the known last layer.

``shared_ends`` works on the lists' parts only (``items``; or ``head``, ``middle`` and
``tail``); ``keep_shared_ends`` writes what it finds into the join.
"""
from __future__ import annotations

# how many members of either end are compared, and the longest list looked at: a layer
# list, not a data table
MAX_END = 16
MAX_LEN = 64


def keep_shared_ends(out, a, b):
    """The members that the lists of both paths hold at their start and at their end stay
    known in the join (``layers = layers[:2] + [drop] + layers[2:]`` on one branch: the same
    first and last layers either way)."""
    from .values import Seq, join, join_all  # (values imports this module)

    if _named_pair(a) and _named_pair(b):
        # a ``(name, layer)`` pair that is ("conv2", c2) on one path and ("conv3", c3) on the
        # other: a pair still, of some name and either layer
        out.items, out.elem = [join(x, y) for x, y in zip(a.items, b.items)], None
        return
    shared = shared_ends(a, b)
    if shared is None:
        out.nonempty = bool(a.items if a.items is not None else a.nonempty) and \
            bool(b.items if b.items is not None else b.nonempty)
        return
    head, tail, middle = shared
    if middle is not None and not middle[0] and not middle[1]:
        out.items, out.elem = head + tail, None  # the same members on both paths
        return
    out.head, out.tail, out.nonempty = head or None, tail or None, True
    if middle is not None:
        out.middle = Seq(elem=join_all(middle[0]) if middle[0] else None, nonempty=middle[1])


def shared_ends(a, b):
    """(head, tail, middle) for the join of lists ``a`` and ``b``: the members both hold
    first and last, and between them (values of either path, whether some member is there
    on every path), or None for the middle when a side's middle is not known.  None when
    the lists share no end."""
    parts_a, parts_b = _parts(a), _parts(b)
    if parts_a is None or parts_b is None:
        return None
    (head_a, mid_a, tail_a), (head_b, mid_b, tail_b) = parts_a, parts_b
    p = _common(head_a, head_b)
    s = _common(tail_a[::-1], tail_b[::-1])
    # an exactly known list's head and tail are the same members: one member is not both
    for head, mid in ((head_a, mid_a), (head_b, mid_b)):
        if mid is EXACT:
            s = min(s, len(head) - p)
    last = None
    if s == 0 and tail_a and tail_b and all(mid is not EXACT or len(head) > p
                                            for head, mid in ((head_a, mid_a), (head_b, mid_b))):
        # different last members, both known: the last one is one of the two (a block's
        # layers end with conv2 in one layout and conv3 in the other)
        from .values import join  # (values imports this module)
        last, s = join(tail_a[-1], tail_b[-1]), 1
    if p == 0 and s == 0:
        return None
    rest_a, rest_b = _middle(head_a, mid_a, tail_a, p, s), _middle(head_b, mid_b, tail_b, p, s)
    middle = None
    if rest_a is not None and rest_b is not None:
        middle = (rest_a[0] + rest_b[0], rest_a[1] and rest_b[1])
    tail = [last] if last is not None else tail_a[len(tail_a) - s:] if s else []
    return head_a[:p], tail, middle


EXACT = object()


def _parts(seq):
    """(first members, the middle, last members); the middle is EXACT for a list known
    member by member (its first and last members are all of them); None for a long one."""
    if seq.items is not None:
        return (seq.items, EXACT, seq.items) if len(seq.items) <= MAX_LEN else None
    return seq.head or [], seq.middle, seq.tail or []


def _middle(head, mid, tail, p, s):
    """(the members between the shared ends, whether there is one on this path); None
    when this path's middle is not known."""
    if mid is EXACT:
        rest = head[p:len(head) - s]
        return rest, bool(rest)
    if mid is None:
        return None
    rest = head[p:] + ([mid.elem] if mid.elem is not None else []) + tail[:len(tail) - s]
    return rest, bool(head[p:]) or bool(tail[:len(tail) - s]) or bool(mid.nonempty)


def _common(xs, ys):
    n = 0
    for x, y in zip(xs[:MAX_END], ys[:MAX_END]):
        if not _same(x, y):
            break
        n += 1
    return n


def _same(x, y, depth=0):
    """The same member on both paths: one value, equal plain constants, or tuples of the
    same members (a branch works on its own copies of the ``(name, layer)`` pairs)."""
    if x is y:
        return True
    if _is_known_tuple(x) and _is_known_tuple(y) and depth < 3:
        return len(x.items) == len(y.items) and all(_same(i, j, depth + 1) for i, j in zip(x.items, y.items))
    vx, vy = getattr(x, "value", None), getattr(y, "value", None)
    return type(x).__name__ == type(y).__name__ == "Const" and vx is not None and \
        type(vx) in (int, str, float, bool) and type(vx) is type(vy) and vx == vy


def _is_known_tuple(v):
    return type(v).__name__ == "Seq" and v.is_tuple and v.items is not None


def _named_pair(v):
    return v.is_tuple and v.items is not None and len(v.items) == 2 and type(v.items[0]).__name__ == "Const" \
        and type(getattr(v.items[0], "value", None)) is str
