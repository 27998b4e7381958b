"""How many tensors an op returns, and when: ``outputs`` / ``outputs_when``.

``std, mean = torch.std_mean(w, dim)`` unpacks a tuple whose parts have their own
autograd fates: StdMean keeps its first output (``"saves": ["result"]``), so
``std.mul_(...)`` breaks backward, while ``mean.mul_(...)`` does not.  The
experiments already name each returned tensor ("result", "result1" ...) and bump
each on its own (gen_knowledge.observe); a consumer that unpacks the call needs,
besides, to know that the call returns a tuple and of how many tensors:

* ``"outputs": N``: the op returned a tuple of N tensors (N >= 2) in the samples
  that returned a tuple, always N.  Integer parts are listed in "int_outputs".
* ``"output_fields": [names]``: the tuple is a named tuple with these fields in
  every sample (``.values`` / ``.indices`` of torch.max(x, dim), ``.eigenvalues``).
* ``"outputs_when": [params]``: only samples that passed one of these parameters
  a value (not a tensor, None or False) returned the tuple; the others returned a
  single tensor: torch.max(x, dim) / torch.max(x) and max(x, y), F.max_pool2d's
  return_indices=True.  Absent: every sample returned the tuple.

The tuple's own fates are then the entries of "saves" and "int_outputs".  Ops
returning tuples of views (split, chunk, unbind: "view" says so) and ops whose
tuple length depends on the arguments (torch.unique's return_inverse and
return_counts; native ops returning ``Tensor[]``, unbind_copy) get neither field.
"""
from __future__ import annotations

import torch


def given_params(called, params):
    """Parameters the described callable received a value in: not a tensor, and not
    None or False (the "leave it out" values of flags and optional dims).  Keywords
    count by their own name (torch.unique takes ``*args, **kwargs``)."""
    cargs, ckwargs = called[0], called[1]
    pairs = [(params[i], a) for i, a in enumerate(cargs[: len(params)])] + list(ckwargs.items())
    return frozenset(p for p, v in pairs if _a_value(v))


def _a_value(v):
    if isinstance(v, (list, tuple)):  # dim=(1, 2); not a list of tensors
        return bool(v) and not any(isinstance(x, torch.Tensor) for x in v)
    return v is not None and v is not False and not isinstance(v, torch.Tensor)


def record_outputs(obs, out, called, params):
    """One sample's shape of result: (parameters given a value, tuple length or 1)."""
    if called is None:
        return
    if isinstance(out, torch.Tensor):
        n = 1
    elif type(out) is not list and isinstance(out, tuple) and out and all(
            isinstance(t, torch.Tensor) for t in out):
        n = len(out)  # a tuple or a named tuple (values, indices)
    else:
        return  # a list, nested tuples, None parts: no unpacking rule measured here
    obs.__dict__.setdefault("returned", set()).add((given_params(called, params), n))
    if n > 1:
        # torch.return_types are struct sequences (__match_args__), Python ones namedtuples
        fields = getattr(out, "__match_args__", None) or getattr(out, "_fields", None)
        obs.__dict__.setdefault("fields", set()).add(tuple(fields) if fields else None)


def output_facts(obs, view, native=None):
    """The "outputs" / "outputs_when" fields from the samples' shapes of result.  native: the
    aten name of a builtin (knowledge_gen/static.aten_name), whose schema may return a list."""
    shapes = getattr(obs, "returned", set())
    sizes = {n for _, n in shapes if n > 1}
    if view in ("multi", "each") or len(sizes) != 1 or returns_list(native):
        return {}
    n = sizes.pop()
    tuples = [given for given, k in shapes if k == n]
    singles = [given for given, k in shapes if k == 1]
    facts = {"outputs": n}
    fields = getattr(obs, "fields", set())
    if len(fields) == 1 and None not in fields:
        facts["output_fields"] = list(fields.pop())  # a named tuple: .values, .indices
    if not singles:
        return facts
    # the parameters every tuple-returning sample gave and no single-returning one did
    when = frozenset.intersection(*tuples) - frozenset().union(*singles)
    return dict(facts, outputs_when=sorted(when)) if when else {}


def returns_list(native):
    """A native op whose schema returns ``Tensor[]`` (unbind_copy, split_with_sizes_copy): as
    many tensors as its arguments ask for, whatever the samples returned."""
    packet = getattr(torch.ops.aten, native, None) if native else None
    if packet is None:
        return False
    return any("List" in str(r.type) for o in packet.overloads() for r in getattr(packet, o)._schema.returns)
