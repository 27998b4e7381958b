"""Facts that depend on a call's non-tensor arguments: saves that are certain when a
call leaves every optional argument at its default or gives known values, and the
values under which an op returns its input itself.

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

``saves_unless`` goes one step further for calls that do pass numbers, strings or
flags: it names, for a "sometimes" name, the parameters whose values explain every
sample that did not keep it.  smooth_l1_loss's samples that kept nothing all passed
beta=0.0, and others kept the input with beta given another value or left out, so
``{"input": {"beta": [0.0]}}``: a call with beta=1/9 keeps its input whatever its
reduction.  A parameter explains the misses when every contiguous, non-empty sample
that did not keep the name passed it, with at most MAX_VALUES distinct values, and
some sample that kept the name passed it another value that is not a tensor (leaving
it out is not enough: max(x) keeps x, max(x, dim) does not, for any dim; nor is a
tensor there: max(x, y) is another overload).  A name with no
such parameter is left out (merely "sometimes"); an empty mapping says every such
sample kept it (the misses were empty batches or non-contiguous inputs).  A
parameter passed as a tensor is never an explanation: which tensors are given is
the overloads' business.
"""
from __future__ import annotations

import torch

from .overloads import given


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


MAX_VALUES = 3
TENSOR = object()  # the value recorded for a parameter that received a tensor


def value_params(called, params):
    """(parameter, value) of every argument the callable received: Python numbers,
    bools, strings and None as themselves, tensors as TENSOR; anything else (a
    tuple of sizes, a dtype) as ("repr", its repr), so that it still tells samples
    apart but is never taken for a plain value (the engine compares plain values only)."""
    out = set()
    for name, v in given(called, params):
        if isinstance(v, torch.Tensor):
            v = TENSOR
        elif not _plain(v):
            v = ("repr", repr(v))
        out.add((name, v))
    return frozenset(out)


def saves_unless(obs, sometimes, saved):
    """name -> {parameter: [values]}: see the module's docstring.  obs.value_outcomes
    maps (pattern, name) to [(value_params, outcome)] of contiguous non-empty samples."""
    out = {}
    for name in sorted(sometimes):
        kept_under = {p for (p, n), runs in obs.value_outcomes.items()
                      if n == name and any(saved(h) for _, h in runs)}
        runs = [r for p in kept_under for r in obs.value_outcomes[(p, name)]]
        missed = [dict(values) for values, h in runs if not saved(h)]
        kept = [dict(values) for values, h in runs if saved(h)]
        if not kept:
            continue
        reasons = {}
        for param in set().union(*missed) if missed else ():
            if not all(param in m for m in missed):
                continue
            values = {m[param] for m in missed}
            if TENSOR in values or len(values) > MAX_VALUES or not all(_plain(v) for v in values):
                continue
            if any(param in k and k[param] is not TENSOR and k[param] not in values for k in kept):
                reasons[param] = sorted(values, key=repr)
        if reasons or not missed:
            out[name] = reasons
    return out


def alias_when(runs):
    """{parameter: [values]}: each value under which every non-empty sample returned its
    input object itself, where some sample passing another plain value did not:
    F.dropout returns its input for p=0.0 and for training=False, whatever else."""
    out = {}
    params = {name for values, _ in runs for name, _ in values}
    for param in sorted(params):
        given = [(dict(values)[param], aliased) for values, aliased in runs if param in dict(values)]
        sure = sorted({v for v, _ in given if _plain(v)
                       and all(a for w, a in given if w == v and type(w) is type(v))}, key=repr)
        if sure and any(not a and _plain(w) and w not in sure for w, a in given):
            out[param] = sure
    return out


def _plain(v):
    return v is None or isinstance(v, (bool, int, float, str))
