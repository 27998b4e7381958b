"""Per-overload saves: what an op keeps for backward depends on which of its
arguments are tensors and which are Python numbers.

Two kinds of entry, both measured by experiment (gen_knowledge.observe records
every sample's outcome under the kinds of its arguments):

* ``{"numbers": [...], "saves": [...]}``: these parameters were Python numbers
  (the Scalar overloads): pow(x, 2.0) keeps only x, pow(x, y) also y and its
  result; max(x, 1) keeps only its indices.  ``"ints": true`` when these are
  typed int in every native signature and only ints ran (a dim: a float there
  is a TypeError).
* ``{"tensors": [...], "saves": [...]}``: exactly these parameters were tensors,
  where a tensor in a slot changes the overload beyond what the absent tensors
  explain: min(x, y) is minimum (keeps x and y, not its result), while min(x)
  keeps its result.  The slot keeps the name of the first signature (``dim``);
  "keywords" maps the other overloads' names of such slots (``other``) to it.
* ``{"string": [param, value], "saves": [...]}``: what the op keeps when a string
  argument has this value, for string parameters whose value changes the saves:
  F.pad keeps its input for mode "reflect" and "replicate", nothing for "constant"
  (the default) or "circular".  ``"string_defaults"`` on the op gives the value a
  call that leaves the parameter out gets.
"""
from __future__ import annotations

import torch


def is_number(v):
    return isinstance(v, (int, float, complex)) and not isinstance(v, bool)


def given(called, params):
    """(parameter, value) of each argument the described callable received for one of
    ``params``: positionally (the first len(params)) or by keyword."""
    cargs, ckwargs = called[0], called[1]
    return [(params[i], a) for i, a in enumerate(cargs[: len(params)])] + [
        (k, v) for k, v in ckwargs.items() if k in params]


def number_params(called, params):
    """Parameters the described callable received as Python numbers (not tensors)."""
    return frozenset(k for k, v in given(called, params) if is_number(v))


def string_params(called, params):
    """(parameter, value) pairs of the parameters the callable received as strings."""
    return frozenset((k, v) for k, v in given(called, params) if isinstance(v, str))


def string_defaults(fn):
    """Parameters of ``fn`` whose default is a string: name -> default."""
    import inspect

    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return {}
    return {n: p.default for n, p in sig.parameters.items() if isinstance(p.default, str)}


def string_overloads(obs, saves, saved, defaults):
    """One entry per value of a string parameter that matters: some value keeps
    less than another.  A sample that left the parameter out ran its default."""
    by_value, measured = {}, {}  # (param, value) -> names kept / names these samples passed
    params = {p for strings, _ in obs.string_outcomes for p, _ in strings} | set(defaults)
    for strings, name in obs.string_outcomes:
        hows = obs.string_outcomes[(strings, name)]
        given = dict(strings)
        for p in params:
            value = given.get(p, defaults.get(p))
            if value is None:
                continue
            kept = by_value.setdefault((p, value), set())
            measured.setdefault((p, value), set()).add(name)
            if any(saved(h) for h in hows):
                kept.add(name)
    # a name these samples never passed (binary_cross_entropy's weight with
    # reduction="none") keeps the union's answer
    by_value = {key: kept | {s for s in saves if s not in measured[key]} for key, kept in by_value.items()}
    out = []
    for p in sorted(params):
        values = {v: kept for (q, v), kept in by_value.items() if q == p}
        if len(values) < 2 or len({frozenset(k) for k in values.values()}) < 2:
            continue  # this parameter's value never changed what is kept
        for v in sorted(values):
            out.append({"string": [p, v], "saves": sorted(values[v] & saves)})
    return out


def int_params(called, params):
    """Parameters the described callable received as Python ints."""
    cargs, ckwargs = called[0], called[1]
    out = {params[i] for i, a in enumerate(cargs[: len(params)]) if is_number(a) and isinstance(a, int)}
    out |= {k for k, v in ckwargs.items() if k in params and is_number(v) and isinstance(v, int)}
    return frozenset(out)


def tensor_params(called, params):
    """Parameters the described callable received as tensors, or None when one of
    them is empty: an empty batch (OpInfo's size-0 samples) keeps nothing, which
    says nothing about the overload."""
    got = {k: v for k, v in given(called, params) if isinstance(v, torch.Tensor)}
    if any(t.numel() == 0 for t in got.values()):
        return None
    return frozenset(got)


def kind_overloads(obs, saves, saved, params, int_params=frozenset()):
    """The overload entries (see the module doc) where they save less than ``saves``,
    the union over all samples.  int_params: parameters typed int in every native
    signature (derivatives.yaml's natives), for "ints"."""
    return number_overloads(obs, saves, saved, int_params) + tensor_overloads(obs, saves, saved, params)


def number_overloads(obs, saves, saved, int_params):
    measured, kept = {}, {}
    for (numbers, name), hows in obs.number_outcomes.items():
        measured.setdefault(numbers, set()).add(name)
        if any(saved(h) for h in hows):
            kept.setdefault(numbers, set()).add(name)
    out = []
    for numbers in sorted(measured, key=sorted):
        # a name these samples never passed as a tensor (stft's window) keeps the
        # union's answer; the numbers themselves are no tensors to save
        these = kept.get(numbers, set()) | {s for s in saves if s not in measured[numbers] and s not in numbers}
        if numbers and these < saves:
            entry = {"numbers": sorted(numbers), "saves": sorted(these)}
            if obs.number_ints.get(numbers) and numbers <= int_params:
                entry["ints"] = True  # ints by schema, and only ints ran: a float is no dim
            out.append(entry)
    return out


def tensor_overloads(obs, saves, saved, params):
    kept = {}
    for (tensors, name), hows in obs.tensor_outcomes.items():
        kept.setdefault(tensors, set())
        if any(saved(h) for h in hows):
            kept[tensors].add(name)
    out = []
    for tensors in sorted(kept, key=sorted):
        # Parameters that were no tensors cannot be saved: listed only where the
        # tensors present save less than that explains (min(x, y) drops its result).
        possible = {s for s in saves if s not in params or s in tensors}
        if tensors and kept[tensors] < possible:
            out.append({"tensors": sorted(tensors), "saves": sorted(kept[tensors])})
    return out


def finalize_overloads(out):
    """Keep the entries that still save less once ``out["saves"]`` is final."""
    params, saves = out["params"], out["saves"]
    overloads = []
    for o in out.pop("overloads", ()):
        if "string" in o:
            if o["string"][0] in params:
                overloads.append({"string": o["string"], "saves": [s for s in o["saves"] if s in saves]})
            continue
        kind = "numbers" if "numbers" in o else "tensors"
        kept = [s for s in o["saves"] if s in saves]
        if all(n in params for n in o[kind]) and len(kept) < len(saves):
            overloads.append({kind: o[kind], "saves": kept, **({"ints": True} if o.get("ints") else {})})
    if overloads:
        out["overloads"] = overloads
    if not any("string" in o for o in overloads):
        out.pop("string_defaults", None)
    keywords = out.pop("keywords", None)
    if keywords:
        out["keywords"] = dict(sorted(keywords.items()))
