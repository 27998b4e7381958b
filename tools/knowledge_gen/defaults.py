"""Saves that are certain when a call leaves every optional argument at its default.

``saves_sometimes`` names tensors kept by some samples and not by others under
the same requires-grad pattern.  Often a number argument explains it, not the
tensors' values: F.smooth_l1_loss keeps its input for the default beta=1.0, and
nothing for OpInfo's beta=0 sample.  ``saves_by_default`` lists the "sometimes"
names that every *default sample* kept, under each pattern where the name is
kept at all.  A default sample passes tensors only (no number, string, bool,
None or tuple argument: the rest at their defaults) and no empty tensor (an
empty batch keeps nothing, which says nothing about the op).  Where no default
sample measured such a pattern, or one of them did not keep the name, the name
stays merely "sometimes".
"""
from __future__ import annotations

import torch


def only_tensors(called):
    """Whether the described callable received nothing but non-empty tensors (or
    lists of them, torch.cat's): every optional non-tensor argument at its default."""
    cargs, ckwargs = called[0], called[1]
    values = list(cargs) + list(ckwargs.values())
    if not values:
        return False
    for v in values:
        items = list(v) if isinstance(v, (list, tuple)) else [v]
        if not items or not all(isinstance(t, torch.Tensor) and t.numel() > 0 for t in items):
            return False
    return True


def saves_by_default(obs, sometimes, saved):
    """The names of ``sometimes`` that the default samples (obs.default_outcomes,
    (pattern, name) -> outcomes of contiguous default samples) kept under every
    pattern where some contiguous sample kept them."""
    kept_under = {}
    for (p, name, _, layout), hows in obs.outcomes.items():
        if not layout and any(saved(h) for h in hows):
            kept_under.setdefault(name, set()).add(p)
    out = set()
    for name in sometimes:
        patterns = kept_under.get(name)
        if patterns and all(_always(obs.default_outcomes.get((p, name)), saved) for p in patterns):
            out.add(name)
    return out


def _always(hows, saved):
    return bool(hows) and all(saved(h) for h in hows)
