"""What a backward reaches: tensors consumed by something that may backpropagate
(``use``), the graph an op's output leads back to (``link``), and what one backward
from a root reaches (``reaches``).  A save whose op output is never used is unreachable:
no backward can break on it."""
from __future__ import annotations

from .values import Seq, Tensor


SOME = "some paths"  # Tensor.used: consumed only through one branch of an ``if``


def use(v, _depth=0, certain=True):
    """Mark tensors as consumed by something that may backpropagate (see Tensor.used),
    and with them everything their graph reaches.  A join of the two branches of an ``if``
    (``paths`` is ("if", mark): ``aux`` computed under ``if self.usage_weight:``) leads to
    what each branch computed, which exists on that branch only and is used when it
    exists; but what was made before the ``if`` (the storage ids below the mark) and is
    reached only through one branch is used on some paths (SOME): a save of it breaks
    backward on those paths only.  (The passes of a loop all run: what one uses is used.)"""
    if isinstance(v, Tensor):
        stack, steps = [(v, -1 if certain else 1 << 62)], 0
        both = {}  # id of a join -> _on_both of it (nothing here changes the graph it walks)
        while stack and steps < 5000:
            t, floor = stack.pop()
            steps += 1
            sure = t.storage.id >= floor
            if t.members:
                inner = max(floor, t.paths[1]) if type(t.paths) is tuple else floor
                stack.extend((m, inner) for m in t.members)
                if inner > floor:  # what both branches lead to is used whichever runs
                    common = both.get(id(t))
                    if common is None:
                        common = both[id(t)] = _on_both(t.members, t.paths[1])
                    stack.extend((o, floor) for o in common)
            if t.used is True or t.used and not sure:
                continue
            t.used = True if sure else SOME
            t.storage.used = True
            if t.base is not None and not t.data:
                stack.append((t.base, floor))
            if t.srcs:
                stack.extend((s, floor) for s in t.srcs)
    elif isinstance(v, Seq) and _depth < 3:
        for i in (v.items or ()):
            use(i, _depth + 1, certain)
        if v.elem is not None:
            use(v.elem, _depth + 1, certain)


def _on_both(members, mark, limit=2000):
    """The tensors made before an ``if`` (storage id below ``mark``) that the value of
    each of its branches leads to (``weights`` written under the ``if`` and returned
    after it either way), in the order the first member's walk finds them.

    Each member's walk visits at most ``limit`` tensors.  Once no tensor is common to
    the members walked so far, none can be: the rest are not walked; and a later
    member's walk stops once it has found every tensor still common (what it would
    find after those cannot be in the answer)."""
    if len(members) < 2:
        return []
    common = None
    for m in members:
        common = _old_reached(m, mark, limit, common)
        if not common:
            return []
    return list(common.values())


def _old_reached(start, mark, limit, wanted):
    """The tensors below ``mark`` that the walk from ``start`` reaches, by id (all of
    them when ``wanted`` is None, else those among ``wanted``, in its order)."""
    # (the busiest Python loop in a profile of timm: names bound once, each id taken once)
    seen, stack, old = set(), [start], {}
    visit, pop, push, extend = seen.add, stack.pop, stack.append, stack.extend
    goal = len(wanted) if wanted is not None else -1
    n = 0  # len(seen)
    while stack and n < limit:
        t = pop()
        if not isinstance(t, Tensor):
            continue
        i = id(t)
        if i in seen:
            continue
        visit(i)
        n += 1
        if t.storage.id < mark:
            if wanted is None:
                old[i] = t
            elif i in wanted:
                old[i] = t
                if len(old) == goal:
                    break
        if t.members:
            extend(t.members)
        if t.base is not None and not t.data:
            push(t.base)
        if t.srcs:
            extend(t.srcs)
    if wanted is None or len(old) == goal:
        return old if wanted is None else wanted
    return {k: t for k, t in wanted.items() if k in old}


def mark_read(t):
    """``t`` was consumed by an op (see Tensor.read), and so was each member of "a or b"
    (each was read on its path).  One bound to a name is then used exactly when what
    read it is."""
    t.read = True
    for m in t.members or ():
        m.read = True
        _read_original(m)
    _read_original(t)


def _read_original(t):
    """A path's copy of a tensor, made where paths join (``hidden_linked``), was read:
    so was the tensor it copies, which is then used exactly when what read the copy
    is, instead of being taken as used for never being read under its own name."""
    if t.hide and t.srcs:
        for s in t.srcs:
            s.read = True


def link(out, inputs):
    """``out`` was computed from ``inputs``: a backward that reaches ``out`` reaches them.
    An integral result has no graph: nothing reaches through it."""
    for v in inputs:
        if isinstance(v, Seq):
            v = v.element()
            if not isinstance(v, Tensor):
                continue
            use(v)  # a list of tensors (torch.cat): kept simple, taken as used
        if not isinstance(v, Tensor) or v is out:
            continue
        mark_read(v)
        if not isinstance(out, Tensor) or out.dtype == "int" or out.data or v.rg is False:
            continue  # no graph through it (a write through .data is not recorded)
        if out.srcs is None:
            out.srcs = [v]
        elif len(out.srcs) < 16:
            out.srcs.append(v)
        else:
            use(v)  # too many to track: taken as used
        if out.used:
            use(v, certain=out.used is True)


def reaches(root, limit=20000):
    """What a backward from ``root`` reaches: (ids of the tensors, ids of their version
    counters: a copy of a reference shares its tensor's counter), or None when ``root``
    is of unknown origin or the graph is too large to tell (it may reach anything)."""
    if isinstance(root, Seq):
        root = root.element()
    if not isinstance(root, Tensor):
        return None
    seen = set()
    stores = set()
    stack = [root]
    while stack and len(seen) < limit:
        t = stack.pop()
        if not isinstance(t, Tensor) or id(t) in seen:
            continue
        seen.add(id(t))
        stores.add(id(t.storage))
        if t.members:
            stack.extend(t.members)
        if t.base is not None and not t.data:
            stack.append(t.base)
        if t.srcs:
            stack.extend(t.srcs)
    if len(seen) >= limit:
        return None
    return seen, stores
