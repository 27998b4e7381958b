"""One flag tested twice: ``if flag:`` then later ``if flag:`` again on the unchanged flag takes
the same branch as the first, so a variable the first one rebound is, in each branch of the
second, what that branch of the first left (sbi's ``if return_quadrature: ks = ...`` ...
``if return_quadrature: ks *= ...``), and what the first one's backward freed is freed in the
second (``if training: loss.backward()`` ... ``if training: optimizer.step()``).  The splits are
kept on the frame (``Frame.conds``)."""
from __future__ import annotations

import libcst as cst

from .values import Const, Dict, Obj, Seq, Tensor


def flag_test(test):
    """(name, polarity) for a test ``name`` or ``not name``, else None."""
    polarity = True
    while type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        test, polarity = test.expression, not polarity
    if type(test) is cst.Name and test.value not in ("True", "False", "None"):
        return test.value, polarity
    return None


def remember_split(frame, flag, parts, ends=(None, None)):
    """After ``if flag:`` joined: keep, for a later test of the same flag, what each
    branch left in the variables that differ (``parts``: {name: (joined, a's, b's)}), and
    how each branch ended its graphs (``ends``: (a's, b's), each None or (the epochs its
    backward freed, whether parameters hold grads): ``if training: loss.backward()`` then
    ``if training: optimizer.step()``)."""
    name, polarity = flag
    value = frame.vars.get(name)
    if value is None or name in parts:
        return
    split = {k: (j, a, b) if polarity else (j, b, a) for k, (j, a, b) in parts.items()}
    # (a container's truth can change while the name holds it: ``if losses:`` ... append)
    ends = (None, None) if isinstance(value, (Seq, Dict, Obj)) else ends if polarity else ends[::-1]
    conds = [c for c in frame.conds or () if c[0] != name]
    frame.conds = conds + [(name, value, split, ends)]


def remember_flags_set(frame, parts):
    """After an ``if`` whose arms set a flag to different constants (``cloned = True``
    in one, still ``False`` on the other): keep, for a later test of that flag, what each
    arm left in the other variables it changed (a tensor cloned once, tracked by the flag)."""
    for name, (_, a, b) in parts.items():
        if type(a) is Const and type(b) is Const and type(a.value) is bool and type(b.value) is bool \
                and a.value != b.value:
            others = {k: p for k, p in parts.items() if k != name}
            if others:
                remember_split(frame, (name, a.value), others)


def recall(frame, flag):
    """What an earlier test of the same, unchanged flag left, for this test's two branches
    (true, then false): ({var: (value, value)} for the variables it rebound that still hold
    the joined value, or None; (how each branch ended its graphs, see remember_split))."""
    name, polarity = flag
    for n, value, split, ends in frame.conds or ():
        if n == name and frame.vars.get(name) is value:
            # (not a tensor saved since the join: a save through the joined value is
            # recorded on it, not on the values it joins)
            out = {k: (a, b) if polarity else (b, a) for k, (j, a, b) in split.items()
                   if frame.vars.get(k) is j and not (isinstance(j, Tensor) and j.storage.saves)}
            return out or None, ends if polarity else ends[::-1]
    return None, (None, None)


def branch_end(before, after):
    """What a branch's backwards did to the graphs alive before it: (the epochs they freed,
    whether parameters then hold grads), or None where no backward ran."""
    freed = after.dead - before.dead
    if not freed and after.grads == before.grads:
        return None
    return freed, after.grads


def take_end(state, end):
    """A branch taken only where an earlier branch of the same test ran (see branch_end): what
    that one's backward freed is freed here too."""
    if end is not None:
        state.dead = state.dead | end[0]
        if state.grads is None:
            state.grads = end[1]
