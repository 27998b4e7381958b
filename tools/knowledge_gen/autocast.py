"""Saves of cast copies under CPU autocast, measured.

Under ``torch.autocast("cpu")`` (bfloat16) torch casts the floating inputs of some ops
before they run: float32 inputs of the "lower precision" ops (linear, matmul, conv ...)
to bfloat16, bfloat16 inputs of the "float32" ops (mse_loss, prod, cdist ...) to
float32.  Such an op saves the cast copy, a tensor of its own, so an in-place write to
the tensor that was passed in breaks nothing (a max-norm renorm of a Linear's float32
weight between an autocast forward and the backward).

For every OpInfo (functions) and nn module setup, per input dtype (float32, bfloat16):
each sample runs once with and once without autocast; where autocast changed nothing
(the same dtypes saved, the same result dtype) nothing was cast.  For the ops where
some sample was cast, every sample is measured like ``saves``: one input's version is
bumped after the forward, with and without autocast; a name whose bump breaks the
backward without autocast and not under it was saved as a copy.  Recorded only where
every sample that saved the name agrees:

* ``autocast_copies``: {input dtype: [names saved as cast copies]};
* ``autocast_result``: {input dtype: the result's dtype under autocast}, where autocast
  changed it in every sample that returned a floating result (linear: float32 gives
  bfloat16, so a second Linear saves that result itself: no copy).
"""
from __future__ import annotations

import contextlib
import itertools
import warnings

import torch

from .common import MAX_SAMPLES, MULTI_VIEW_ERR, SAVED_ERR, loss_of, python_params, tensors_in

AUTOCAST_DTYPE = torch.bfloat16
INPUT_DTYPES = (torch.float32, torch.bfloat16)


def dtype_name(d):
    return str(d).replace("torch.", "")


class CastObs:
    """Per input dtype: name -> outcomes ("copy" / "itself") over the samples that saved
    it without autocast; the (plain, autocast) result dtypes; whether any sample cast."""

    def __init__(self):
        self.outcomes = {}   # (dtype, name) -> {"copy", "itself"}
        self.results = {}    # dtype -> {(plain result dtype, autocast result dtype)}
        self.cast = set()    # dtypes for which some sample was cast

    def facts(self, names):
        """The entry's fields: only names in ``names`` (the parameters), only agreements."""
        copies, results = {}, {}
        for (d, name), seen in sorted(self.outcomes.items()):
            if seen == {"copy"} and name in names:
                copies.setdefault(d, []).append(name)
        for d, pairs in sorted(self.results.items()):
            after = {a for p, a in pairs}
            if d in self.cast and len(after) == 1 and all(p == d and a != d for p, a in pairs):
                results[d] = after.pop()
        out = {}
        if copies:
            out["autocast_copies"] = {d: sorted(v) for d, v in copies.items()}
        if results:
            out["autocast_result"] = results
        return out


def _region(cast):
    return torch.autocast("cpu", dtype=AUTOCAST_DTYPE) if cast else contextlib.nullcontext()


def _first_float(out):
    ts = [t for t in tensors_in(out) if t.is_floating_point()]
    return dtype_name(ts[0].dtype) if ts else None


def _trace(run, cast):
    """(result dtype, dtypes of the saved tensors) of one run, or None when it raised."""
    packed = []

    def pack(t):
        packed.append(dtype_name(t.dtype))
        return t
    try:
        with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
            out = run(cast)
    except Exception:
        return None
    return _first_float(out), sorted(packed)


def _saved(run, slots, cast):
    """Names whose bump after a forward (under autocast when ``cast``) breaks backward."""
    found = set()
    for name, pick in slots:
        if name in found:
            continue
        try:
            out = run(cast)
            torch.autograd.graph.increment_version(pick(out))
            loss = loss_of(out)
            if loss is None:
                continue
            loss.backward()
        except RuntimeError as e:
            if SAVED_ERR in str(e) or MULTI_VIEW_ERR in str(e):
                found.add(name)
        except Exception:
            continue
    return found


def measure(obs, d, samples):
    """samples: (run(cast) -> output, slots [(name, pick(output) -> input tensor)]) of input
    dtype ``d``.  Two passes: the bumps only run when autocast cast something."""
    traced = []
    for run, slots in samples:
        plain, under = _trace(run, False), _trace(run, True)
        if plain is None or under is None:
            continue
        traced.append((run, slots))
        if plain != under:
            obs.cast.add(d)
        if plain[0] is not None and under[0] is not None:
            obs.results.setdefault(d, set()).add((plain[0], under[0]))
    if d not in obs.cast:
        return
    for run, slots in traced:
        plain, under = _saved(run, slots, False), _saved(run, slots, True)
        for name in plain:
            obs.outcomes.setdefault((d, name), set()).add("itself" if name in under else "copy")


def _quiet(fn):
    def run(*a, **k):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(*a, **k)
    return run


# ------------------------------------------------------------------------------ functions
def _function_sample(gen, fn, s, wraps, params, d):
    """(run, slots) for an OpInfo sample: its named floating inputs of dtype ``d``."""
    def call(cast):
        args, kwargs = [s.input, *s.args], dict(s.kwargs)
        with _region(cast):
            if wraps is None:
                return _Out(args, kwargs, fn(*args, **kwargs)), (args, kwargs, False)
            calls = []
            with gen.recording(wraps, calls):
                out = fn(*args, **kwargs)
            return _Out(args, kwargs, out), calls[0] if calls else None

    out, called = _quiet(call)(False)
    if called is None:
        return None
    names = gen.name_map(called, params)
    slots = []
    for i, a in enumerate(out.args):
        slots += [(names.get(id(t)), lambda o, i=i, j=j: tensors_in(o.args[i])[j])
                  for j, t in enumerate(tensors_in(a)) if t.dtype == d and t.requires_grad]
    for k in sorted(out.kwargs):
        slots += [(names.get(id(t)), lambda o, k=k, j=j: tensors_in(o.kwargs[k])[j])
                  for j, t in enumerate(tensors_in(out.kwargs[k])) if t.dtype == d and t.requires_grad]
    return (lambda cast: _quiet(call)(cast)[0]), [(n, pick) for n, pick in slots if n is not None]


class _Out(list):
    """A call's output tensors (what loss_of sums), with the arguments it was given."""

    def __init__(self, args, kwargs, out):
        super().__init__(tensors_in(out))
        self.args, self.kwargs = args, kwargs


def function_autocast(gen, callables, facts, only=None):
    """qualname -> {"autocast_copies": ..., "autocast_result": ...} for op_db ops (``only``:
    OpInfo names to run).  Names as opinfo_experiments records them; in-place variants
    are left out (autocast casts out-of-place ops only)."""
    gen.ensure_expecttest()
    from torch.testing._internal.common_methods_invocations import op_db

    by_id = {}
    for qual, obj in callables.items():
        by_id.setdefault(id(obj), []).append(qual)
    observations = {}
    for op in op_db:
        if only is not None and op.name not in only or not op.supports_autograd:
            continue
        variants = [(op.op, ["torch." + op.name, "torch.Tensor." + op.name]),
                    (op.method_variant, ["torch.Tensor." + op.name])]
        variants += [(v, []) for a in op.aliases for v in (a.op, a.method_variant)]
        for fn, fallbacks in variants:
            if fn is None:
                continue
            quals, wraps = by_id.get(id(fn)), None
            if not quals:
                quals = [f for f in fallbacks if f in facts][:1]
                wraps = quals[0] if quals else None
            if not quals:
                continue
            obs = observations.setdefault(quals[0], CastObs())
            for q in quals[1:]:
                observations[q] = obs
            for d in INPUT_DTYPES:
                if not op.supports_dtype(d, "cpu"):
                    continue
                try:
                    torch.manual_seed(0)
                    samples = list(itertools.islice(_quiet(op.sample_inputs)("cpu", d, requires_grad=True),
                                                    MAX_SAMPLES))
                except Exception:
                    continue
                runs = []
                for s in samples:
                    try:
                        got = _function_sample(gen, fn, s, wraps, facts[quals[0]]["params"], d)
                    except Exception:
                        continue
                    if got is not None:
                        runs.append(got)
                measure(obs, dtype_name(d), runs)
    out = {}
    for qual, obs in observations.items():
        got = obs.facts(set(facts[qual]["params"]))
        if got:
            out[qual] = got
    return out


# -------------------------------------------------------------------------------- modules
def _to(a, d):
    """A forward argument in dtype ``d`` (floating tensors only), keeping requires_grad."""
    if isinstance(a, torch.Tensor):
        if not a.is_floating_point():
            return a
        return a.detach().to(d).requires_grad_(a.requires_grad)
    if isinstance(a, (list, tuple)) and not hasattr(a, "_fields"):
        return type(a)(_to(x, d) for x in a)
    return a


def _module_sample(cls, cargs, ckw, fargs, fkw, d):
    torch.manual_seed(0)
    m = _quiet(cls)(*cargs, **ckw).to(d).train()
    fwd_names = python_params(m.forward, False) or []
    fargs, fkw = [_to(a, d) for a in fargs], {k: _to(v, d) for k, v in fkw.items()}
    _quiet(m)(*fargs, **fkw)  # materializes lazy modules

    def run(cast):
        with _region(cast):
            return _quiet(m)(*fargs, **fkw)
    slots = []
    for i, a in enumerate(fargs):
        nm = "input" if i == 0 else (fwd_names[i] if i < len(fwd_names) else None)
        slots += [(nm, lambda o, t=t: t) for t in tensors_in(a) if t.dtype == d and t.requires_grad]
    for k in sorted(fkw):
        slots += [(k, lambda o, t=t: t) for t in tensors_in(fkw[k]) if t.dtype == d and t.requires_grad]
    slots += [(n, lambda o, p=p: p) for n, p in m.named_parameters() if p.dtype == d]
    return run, [(n, pick) for n, pick in slots if n is not None]


def module_autocast(cls, cands):
    """The autocast fields of module ``cls`` over its setups ``cands`` (float64 inputs,
    converted to each input dtype)."""
    obs = CastObs()
    names = set()
    for d in INPUT_DTYPES:
        runs = []
        for cargs, ckw, fargs, fkw in cands:
            try:
                run, slots = _module_sample(cls, cargs, ckw, fargs, fkw, d)
            except Exception:
                continue
            names.update(n for n, _ in slots)
            runs.append((run, slots))
        measure(obs, dtype_name(d), runs)
    return obs.facts(names)
