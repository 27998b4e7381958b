"""Calls that write tensors other than their first argument, measured.

* Functions: ``F.embedding(idx, weight, max_norm=1.0)`` renormalises the rows of
  ``weight`` it looks up, in place; ``F.batch_norm(..., training=True)`` updates the
  running statistics.  Every OpInfo sample (requires_grad=False: op_db only offers
  the max_norm samples then) is run and the version counters of the arguments the
  op received are compared; for a write, each keyword argument is dropped in turn to
  find the ones that trigger it ("when").
* Modules: the same for parameters and buffers around ``forward`` (module_db setups
  and a few extra constructor options), in training and in eval mode
  ("train_only"); a constructor argument whose non-default value triggers the write
  is in "when", one whose non-default value prevents it in "unless"
  (BatchNorm's ``track_running_stats=False``).
"""
from __future__ import annotations

import inspect
import itertools
import warnings

import torch

MAX_WRITE_SAMPLES = 50


def _tensors(obj):
    if isinstance(obj, torch.Tensor):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [t for o in obj for t in _tensors(o)]
    if isinstance(obj, dict):
        return [t for o in obj.values() for t in _tensors(o)]
    return []


def _bumped(gen, qual, fn, params, inp, args, kwargs):
    """Names of the parameters (after the first) whose tensors the call wrote."""
    before = {id(t): t._version for t in _tensors([inp, list(args), kwargs])}
    calls = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if fn is None:
            return set()
        with gen.recording(qual, calls):
            fn(inp, *args, **kwargs)
    if not calls or calls[0] is None:
        return set()
    cargs, ckwargs, _ = calls[0]
    names = gen.name_map(calls[0], params)
    first = [id(t) for t in _tensors(list(cargs[:1]))]
    out = set()
    for t in _tensors([list(cargs), ckwargs]):
        if id(t) in before and id(t) not in first and t._version != before[id(t)] and id(t) in names:
            out.add(names[id(t)])
    return out


def function_writes(gen, callables, facts):
    """qualname -> {param: {"when": [kwargs that trigger it]}} for op_db ops."""
    gen.ensure_expecttest()
    from torch.testing._internal.common_methods_invocations import op_db

    by_id = {}
    for qual, obj in callables.items():
        by_id.setdefault(id(obj), []).append(qual)
    out = {}
    for op in op_db:
        quals = by_id.get(id(op.op)) or [q for q in ("torch." + op.name,) if q in facts]
        if not quals or facts[quals[0]]["inplace"]:
            continue
        qual = quals[0]
        dtype = torch.float64 if op.supports_dtype(torch.float64, "cpu") else torch.float32
        try:
            torch.manual_seed(0)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                samples = list(itertools.islice(op.sample_inputs("cpu", dtype, requires_grad=False),
                                                MAX_WRITE_SAMPLES))
        except Exception:
            continue
        params = facts[qual]["params"]
        found = {}
        for s in samples:
            try:
                hit = _bumped(gen, qual, op.op, params, s.input, s.args, s.kwargs)
                for p in hit:
                    when = set()
                    for k in sorted(s.kwargs):
                        rest = {kk: v for kk, v in s.kwargs.items() if kk != k}
                        if p not in _bumped(gen, qual, op.op, params, s.input, s.args, rest):
                            when.add(k)
                    found.setdefault(p, []).append(when)
            except Exception:
                continue
        for p, whens in found.items():
            # a write seen without any trigger happens always
            when = set() if any(not w for w in whens) else set().union(*whens)
            for q in quals:
                out.setdefault(q, {})[p] = {"when": sorted(when)}
    return out


# Constructor options module_db does not try (experiment inputs, not facts).
def extra_module_setups():
    idx = torch.tensor([[1, 2], [3, 1]])
    return {
        "Embedding": [((10, 3), {"max_norm": 1.0}, (idx,), {})],
        "EmbeddingBag": [((10, 3), {"max_norm": 1.0}, (idx,), {})],
    }


def _state_versions(m):
    named = list(m.named_parameters()) + list(m.named_buffers())
    return {n: t._version for n, t in named}


def _writes_once(cls, kw, fargs, fkw, train=True):
    torch.manual_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = cls(**kw).to(torch.float64)
        m.train(train)
        m(*fargs, **fkw)  # materialises lazy modules
        before = _state_versions(m)
        m(*fargs, **fkw)
        after = _state_versions(m)
    return {n for n, v in after.items() if n in before and v != before[n]}


def module_writes(cls, init_params, cands):
    """{attr: {"when": [...], "unless": [...], "train_only": bool}} or {}."""
    try:
        sig = inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return {}
    default = {n: p.default for n, p in sig.items() if p.default is not inspect.Parameter.empty}
    runs = []
    for cargs, ckw, fargs, fkw in cands:
        if len(cargs) > len(init_params):
            continue
        kw = dict(zip(init_params, cargs), **ckw)
        try:
            runs.append((kw, fargs, fkw, _writes_once(cls, kw, fargs, fkw)))
        except Exception:
            continue
    written = sorted(set().union(*[r[3] for r in runs])) if runs else []
    out = {}
    for attr in written:
        whens, unless, train_only = [], set(), True
        for kw, fargs, fkw, hit in runs:
            changed = [n for n in sorted(kw) if n in default and not _same(kw[n], default[n])]
            when = set()
            for n in changed:
                try:
                    again = _writes_once(cls, dict(kw, **{n: default[n]}), fargs, fkw)
                except Exception:
                    continue
                if attr in hit and attr not in again:
                    when.add(n)
                elif attr not in hit and attr in again:
                    unless.add(n)
            if attr in hit:
                whens.append(when)
            if attr in hit:
                try:
                    if attr in _writes_once(cls, kw, fargs, fkw, train=False):
                        train_only = False
                except Exception:
                    pass
        # a write seen without any trigger happens always
        when = set() if any(not w for w in whens) else set().union(*whens)
        out[attr] = {"when": sorted(when), "unless": sorted(unless), "train_only": train_only}
    return out


def _same(a, b):
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:
        return False
