"""Whether a hazard inside another module is certain only with the checked file's objects.

A write inside another module's code to a tensor that code saved itself is that
module's own hazard, reported when the module is checked.  But where the checked
file built the object the code runs on (``Gated()(x)``, ``train_step(model, x)``),
the hazard may be certain only with those objects: the constructor's default
``act="relu"`` picks an in-place activation that the module's own check, which
sees every choice a caller could make, can only call possible.  Such writes are
held as candidates during the analysis; at the end, the function the checked file
called is analysed once as its module's own check analyses it (fresh top level,
unknown arguments), and a candidate stays only where that check does not find the
same write just as certain.  Reporting it in both files would say one thing twice.
"""
from __future__ import annotations

from ..budget import hard_budget
from ..frames import is_main_guard

# the callee module's own analysis of one function: a small fraction of a check
OWN_BUDGET = 20_000


def settle(interp):
    """Drop the candidate events (see ``hooks.keep_event``) that a callee's own check reports as well."""
    cands = interp.candidates
    if not cands:
        return
    subs: dict = {}  # id(env) -> the module's own-check interpreter (its top level run once)
    verdicts: dict = {}  # id(function node) -> its strong writes (None: unknown)
    drop = set()
    for ev in cands:
        mine = _strength(ev)
        for func in ev.own_funcs:
            key = id(func.node)
            if key not in verdicts:
                verdicts[key] = _strong_writes(interp, func, subs)
            strong = verdicts[key]
            theirs = strong.get(id(ev.node), ()) if strong is not None else ()
            if strong is None or any(all(a <= b for a, b in zip(mine, t)) for t in theirs):
                drop.add(id(ev))  # (unknown: say nothing rather than maybe twice)
                break
    if drop:
        interp.events[:] = [e for e in interp.events if id(e) not in drop]
    interp.candidates = []


def _strength(ev):
    """What makes a write an error rather than a warning (each True is stronger)."""
    snap = ev.tensor
    return (bool(snap.alias_certain), any(s.certain for s in ev.saves), snap.rg is True,
            snap.view in ("multi", "custom"))


def _strong_writes(interp, func, subs):
    """id(write node) -> the facts of each write the own check of ``func``'s module
    finds there when it analyses ``func`` on its own (None: not known).  Each write's
    facts stay together: one write surely of the saved tensor and another surely
    saved on some other path do not make one certain hazard."""
    from ..interpreter import Interpreter  # local: the interpreter imports this package

    project = interp.project
    if getattr(interp, "own_check", False):
        return None
    env = project.env_of_func(func.node)
    if env is None:
        # a closure (a hook a factory returns) runs only where it is called: its module's
        # own check does not run it on its own
        return {} if func.closure is not None else None
    sub = subs.get(id(env))
    if sub is None:
        sub = Interpreter(env.tree, interp.k, project=project, path=env.path, source=env.source)
        sub.own_check = True  # its own candidates are not settled again
        sub.budget = OWN_BUDGET
        sub.hard_budget = hard_budget(OWN_BUDGET)
        sub.foreign_budget = OWN_BUDGET // 10
        sub.own_body = [s for s in env.tree.body if not is_main_guard(s)]
        try:
            sub.exec_block(sub.own_body, sub.globals)
        except Exception:  # noqa: BLE001 -- Incomplete, RecursionError, a bug: the file's own findings stand
            sub = False
        subs[id(env)] = sub
    if sub is False:
        return None
    start = len(sub.events)
    try:
        for node, owner in sub._all_functions(sub.own_body):
            if node is func.node:
                sub._analyse_standalone(node, owner)
                break
        else:
            return None  # not analysed on its own there (an inherited method runs with its subclass)
    except Exception:  # noqa: BLE001 -- as above
        return None
    out: dict = {}
    for ev in sub.events[start:]:
        out.setdefault(id(ev.node), []).append(_strength(ev))
    return out
