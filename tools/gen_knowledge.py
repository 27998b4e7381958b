#!/usr/bin/env python
"""Derive autograd knowledge from the installed torch; write inplace_lint/knowledge/torch_ops.json.

Two sources of truth, in this order of trust:

1. Experiments (ground truth).  For every OpInfo in torch's own ``op_db`` and every
   ModuleInfo in ``module_db`` we run a few sample inputs with requires_grad=True and
   ask autograd directly:
   * saves:  run the op, bump the version counter of ONE input (or output) with
     ``torch.autograd.graph.increment_version`` and call backward.  If autograd
     raises "modified by an inplace operation" (or its multi-output-view twin),
     that tensor was saved for backward.  Each output is bumped separately and
     named in the order returned: "result" (output 0, or the single tensor),
     "result1", "result2" ... (torch.topk saves its indices, "result1").
   * saved_for: the same, rerun with only one parameter's tensors requiring grad
     (the others detached copies): autograd saves conditionally (mul keeps "other"
     only for input's gradient).  saves_sometimes: names saved by some samples and
     not by others under the same pattern (interpolate keeps its input for "area").
     saves_by_default (knowledge_gen/defaults.py): the "sometimes" names that every
     sample passing only tensors kept (smooth_l1_loss's default beta keeps its input);
     saves_unless: the parameters whose values explain every sample that did not keep
     a "sometimes" name (smooth_l1_loss keeps its input unless beta is 0.0).
   * view:   bump the input's version counter and see whether the output's moves too
     (a view shares its base's counter).  A list/tuple of such outputs is "multi".
   * maybe_alias: the op returned its input object itself (``out is input``).
     alias_when (knowledge_gen/defaults.py): argument values under which every sample
     did (dropout with p=0.0 or training=False).
   * inplace: the op bumped its input's version counter.
   * differentiable: the output required grad when an input did.
   OpInfo aliases (F.softmax, F.sigmoid, torch.special.expit ...) share their op's
   samples.  Public Tensor methods that op_db does not cover (``float``, ``cpu``,
   ``requires_grad_``, ``__getitem__`` ...) get the same experiments with small
   generic probe inputs, and callables still without evidence (F.lp_pool2d,
   Tensor.det, bitwise ops ...) with a wider generic set (hole_samples).
   * overloads (knowledge_gen/overloads.py): OpInfo samples rerun with a floating tensor
     argument after the first replaced by a Python number (scalar_variants), outcomes
     keyed by which parameters were numbers (pow(x, 2.0) saves x only, pow(x, y) also y
     and its result) and by which were tensors (min(x, y) saves x and y, min(x) its
     result).
   * torch.fft's OpInfos also run their complex128 samples (complex_samples): the
     input's dtype picks the kernel (fft keeps a real input, nothing of a complex one).
   * int_outputs: outputs that were integer/bool tensors for floating inputs.
   * keeps_layout (knowledge_gen/layout.py): the result is laid out as the first tensor
     input (rerun with it transposed in memory): elementwise ops.  Also for modules.
   * outputs / outputs_when (knowledge_gen/outputs.py): the op returns a tuple of N
     tensors (std_mean, sort), only when these parameters are given (max's dim).
   * writes (knowledge_gen/writes.py): arguments other than the first whose version
     the call bumped, and the keywords that trigger it (F.embedding's max_norm).
   * autocast_copies / autocast_result (knowledge_gen/autocast.py): under CPU autocast
     (bfloat16), the inputs saved as cast copies rather than as the tensors passed in,
     per input dtype (F.linear's float32 input and weight), and the result's dtype where
     autocast changes it.  For functions and modules.
   Modules (knowledge_gen/modules.py): module_db setups; with inplace=True, whether
   the in-place output stays saved (saves_inplace); init_params from the
   constructor's signature; forward_writes (parameters/buffers forward bumps).
   Tables: aliases (knowledge_gen/aliases.py: torch's re-exports, from a walk of the
   modules ``import torch`` loads) and wrappers (knowledge_gen/wrappers.py: tensor
   classes called on a tensor, e.g. legacy Variable) and module_functions (the same file:
   functions of torch.nn.utils that return the module they are given, e.g. spectral_norm).
   Helpers that are not ops (F.Optional, F.boolean_dispatch, torch.manual_seed) are
   left out (not_an_op).
2. Static data shipped with torch (torchgen): derivatives.yaml (what each backward
   formula saves), native_functions.yaml (Python parameter names, alias annotations:
   ``Tensor(a)`` returns are views, ``Tensor(a!) self`` is in-place) and torchgen's
   own VIEW_FUNCTIONS / DONT_REQUIRE_DERIVATIVE tables.  Used where no experiment ran.

Every field is derived; nothing is typed in by hand except the *inputs* used to
poke modules that module_db does not cover (generic_module_setups,
extra_module_setups) and callables it does not call (probe_samples, hole_samples).
The static half lives in knowledge_gen/static.py, shared helpers in
knowledge_gen/common.py.

Usage: python tools/gen_knowledge.py [--output PATH] [--check] [--only QUAL,...]
"""
from __future__ import annotations

import argparse
import contextlib
import inspect
import itertools
import json
import os
import subprocess
import sys
import types
import warnings

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from knowledge_gen.autocast import function_autocast  # noqa: E402
from knowledge_gen.common import (  # noqa: E402
    MAX_SAMPLES, MULTI_VIEW_ERR, SAVED_ERR, complex_samples, ensure_expecttest, is_output_name, loss_of, name_map,
    output_name, record_pattern, tensors_in,
)
from knowledge_gen.defaults import alias_when, only_tensors, saves_by_default, saves_unless, value_params  # noqa: E402
from knowledge_gen.layout import keeps_layout, layout_trials  # noqa: E402
from knowledge_gen.modules import module_experiments  # noqa: E402
from knowledge_gen.overloads import (  # noqa: E402
    finalize_overloads, int_params, kind_overloads, number_params, string_defaults, string_overloads,
    string_params, tensor_params,
)
from knowledge_gen.outputs import output_facts, record_outputs  # noqa: E402
from knowledge_gen.partial import regenerate_only  # noqa: E402
from knowledge_gen.probes import Sample, hole_samples, probe_samples, version_kept_without_kernel  # noqa: E402
from knowledge_gen.static import aten_name, build_static  # noqa: E402
from knowledge_gen.varargs import fold as fold_varargs  # noqa: E402
from knowledge_gen.wrappers import module_functions, wrapper_facts  # noqa: E402
from knowledge_gen.writes import function_writes  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUTPUT = os.path.join(ROOT, "inplace_lint", "knowledge", "torch_ops.json")
NAMESPACES = {           # qualified prefix -> Python namespace object
    "torch": torch,
    "torch.Tensor": torch.Tensor,
    "torch.nn.functional": F,
    "torch.linalg": torch.linalg,
    "torch.special": torch.special,
    "torch.fft": torch.fft,
}
# Tensor methods that change autograd state but not data; the probe below checks
# that they leave the version counter alone, which is what makes them "harmless".
AUTOGRAD_STATE_METHODS = ("retain_grad", "register_hook", "register_post_accumulate_grad_hook")


# --------------------------------------------------------------------------- static
def public_callables():
    """qualname -> object for every public callable in the namespaces we describe."""
    out = {}
    for prefix, ns in NAMESPACES.items():
        for name in dir(ns):
            if name.startswith("_") and name not in ("__getitem__", "__iter__"):
                continue
            try:
                obj = getattr(ns, name)
            except Exception:
                continue
            if callable(obj) and not isinstance(obj, type):
                out[f"{prefix}.{name}"] = obj
    return out


# ---------------------------------------------------------------------- experiments
class Obs:
    """What experiments saw for one qualname, accumulated over samples."""

    def __init__(self):
        self.samples = 0          # samples that ran
        self.grad_samples = 0     # samples whose backward ran (saves are meaningful)
        self.saves = set()
        self.multi_view_saves = set()  # saved, but seen through the multi-output-view error
        self.views = set()        # per sample: None (a copy) / "alias" / "single" / "multi"
        self.alias = False
        self.bumped = False       # input version counter changed
        self.diff_seen = None     # None: never had a grad input; else any output required grad
        self.float_out = False    # some output was a floating/complex tensor (can require grad)
        self.tensor_out = False   # some output was a tensor at all
        self.bwd_unimplemented = 0  # samples whose backward raised "not implemented"
        # Per requires_grad pattern "only P requires grad" (P a parameter name):
        self.outcomes = {}        # (P, name, tensor params, non-contiguous input) -> {None, "saved", "multi"}
        self.plain_outcomes = {}  # the same, from the samples without string arguments
        self.default_outcomes = {}  # (P, name) -> the same, from contiguous tensors-only samples
        self.alias_runs = []  # [(value_params, the output was the input object)] of non-empty samples
        self.value_outcomes = {}  # (P, name) -> [(value_params, outcome)] of contiguous non-empty samples
        self.pattern_tried = set()  # P whose "only P requires grad" run was attempted
        self.pattern_ok = set()     # ... and measured at least once
        # (params passed as Python numbers, saved name) -> {None, "saved", "multi"}:
        # the Scalar overloads (pow(x, 2.0) saves less than pow(x, y))
        self.number_outcomes = {}
        # (params passed as tensors, saved name) -> {None, "saved", "multi"}:
        # min(x, y) is minimum and keeps no result, min(x) does
        self.tensor_outcomes = {}
        # ((param, value) of string arguments, saved name) -> {None, "saved", "multi"}:
        # F.pad keeps its input for mode="reflect", not for "constant"
        self.string_outcomes = {}
        self.number_ints = {}       # params passed as numbers -> every one was an int (a dim)
        self.out_int = {}           # output index -> {is an integer/bool tensor} (float inputs)
        self.layouts = []           # [(param, result laid out as that input)]


@contextlib.contextmanager
def recording(qual, calls):
    """Temporarily replace the public callable ``qual`` by a shim that records its
    arguments, so that calls made through OpInfo's lambda wrappers (which reorder
    arguments: ``lambda weight, idx: F.embedding(idx, weight)``) can be named."""
    prefix, name = qual.rsplit(".", 1)
    ns = NAMESPACES[prefix]
    had_own = name in vars(ns)
    orig = getattr(ns, name)

    def shim(*a, **k):
        v0 = a[0]._version if a and isinstance(a[0], torch.Tensor) else None
        calls.append(None)  # reserve: calls[0] must be the outermost call
        i = len(calls) - 1
        out = orig(*a, **k)
        calls[i] = (a, k, v0 is not None and a[0]._version != v0)
        return out

    setattr(ns, name, shim)
    try:
        yield
    finally:
        if had_own:
            setattr(ns, name, orig)
        else:
            delattr(ns, name)  # was inherited (TensorBase): just drop the shadow


def observe(obs, invoke, params, inplace):
    """One sample.  invoke(only=None) -> (args, kwargs, out, called) where args/kwargs
    are what we passed and called = (args, kwargs, bumped) as the described callable
    received them (or None), bumped: it changed its first argument's version counter.
    only: keys of the tensors that keep requires_grad (see only_grad)."""
    torch.manual_seed(0)
    args, kwargs, out, called = invoke()
    pre = getattr(invoke, "grad_keys", None)
    obs.samples += 1
    if called is not None and called[2]:
        obs.bumped = inplace = True  # OpInfo may wrap an in-place op (zero_, resize_)
    outs = tensors_in(out)
    grad_in = any(t.requires_grad for t in tensors_in(args) + tensors_in(list(kwargs.values())))
    if grad_in and outs:
        obs.diff_seen = bool(obs.diff_seen) or any(t.requires_grad for t in outs)
    obs.float_out |= any(t.is_floating_point() or t.is_complex() for t in outs)
    obs.tensor_out |= bool(outs)
    record_outputs(obs, out, called, params)
    if any(t.is_floating_point() for t in tensors_in(args) + tensors_in(list(kwargs.values()))):
        for j, t in enumerate(outs):
            obs.out_int.setdefault(j, set()).add(not (t.is_floating_point() or t.is_complex()))
    loss = loss_of(out)
    backward_ok = False
    if loss is not None:
        try:
            loss.backward()
            backward_ok = True
        except Exception as e:  # backward not implemented for this sample: no saves evidence
            if "not implemented" in str(e):
                obs.bwd_unimplemented += 1
    first = None
    if called is not None and called[0] and isinstance(called[0][0], torch.Tensor):
        first = called[0][0]
    # View check after backward: it bumps the input's version counter.
    if first is not None and not inplace:
        if first.numel():
            obs.alias_runs.append((value_params(called, params), out is first))
        if out is first:
            obs.alias = True
            obs.views.add("alias")
        elif outs:
            before = [t._version for t in outs]
            torch.autograd.graph.increment_version(first)
            shared = [t._version != b for t, b in zip(outs, before)]
            if isinstance(out, torch.Tensor):
                obs.views.add("single" if shared[0] else None)
            else:
                obs.views.add(_list_view_kind(outs) if any(shared) else None)
    if not backward_ok or called is None:
        return
    obs.grad_samples += 1
    names = name_map(called, params)
    if pre is None:
        pre = {("a", i, j) for i, a in enumerate(args) for j, t in enumerate(tensors_in(a)) if t.requires_grad} | {
            ("k", k, j) for k, v in kwargs.items() for j, t in enumerate(tensors_in(v)) if t.requires_grad}
    # slots: every tensor we passed (found again by position in each fresh call), then
    # outputs.  key: ("a", i, j) / ("k", name, j), j-th tensor of that argument.
    slots, grad_keys = [], {}
    for i, a in enumerate(args):
        for j, t in enumerate(tensors_in(a)):
            if ("a", i, j) in pre:
                grad_keys[("a", i, j)] = names.get(id(t))
            if not (inplace and t is first):  # after an in-place op self IS the result
                slots.append((names.get(id(t)), lambda a_, k_, o_, i=i, j=j: tensors_in(a_[i])[j]))
    for k in sorted(kwargs):
        for j, t in enumerate(tensors_in(kwargs[k])):
            if ("k", k, j) in pre:
                grad_keys[("k", k, j)] = names.get(id(t))
            slots.append((names.get(id(t)), lambda a_, k_, o_, k=k, j=j: tensors_in(k_[k])[j]))
    # outputs in the order returned: the primary one is "result", the others result1 ...
    slots += [(output_name(j), lambda a_, k_, o_, j=j: tensors_in(o_)[j]) for j in range(len(outs))]
    grad_names = sorted({n for n in grad_keys.values() if n is not None})
    # Every tensor that requires grad has the same name: this IS the "only P" pattern,
    # so measure every slot (no skipping) and record it as such.
    single = len(grad_names) == 1 and None not in grad_keys.values()
    skip = None if single else obs.saves | obs.multi_view_saves
    found = bump_trials(invoke, slots, skip)
    for name, how in found.items():
        if how == "saved":
            obs.saves.add(name)
        elif how == "multi":
            obs.multi_view_saves.add(name)
    obs.pattern_tried.update(grad_names)
    contiguous = all(t.is_contiguous() for t in tensors_in(args) + tensors_in(list(kwargs.values())))
    kinds = number_params(called, params), tensor_params(called, params), string_params(called, params)
    only_ints = int_params(called, params) == kinds[0]
    obs.number_ints[kinds[0]] = obs.number_ints.get(kinds[0], True) and only_ints
    default = only_tensors(called)
    values = value_params(called, params)
    if single:
        record_pattern(obs, grad_names[0], slots, found, contiguous, kinds, default, values)
        return
    # Autograd saves conditionally (mul saves other only for input's gradient): rerun
    # with only P's tensors requiring grad, every other tensor a detached copy.
    for p in grad_names:
        only = {key for key, n in grad_keys.items() if n == p}

        def invoke_p(only=only):
            return invoke(only)
        try:
            _, _, out_p, _ = invoke_p()
        except Exception:
            continue
        loss = loss_of(out_p)
        if loss is None:  # P alone gives no gradient: nothing is saved for it
            record_pattern(obs, p, slots, {}, contiguous, kinds, default, values)
            continue
        try:
            loss.backward()
        except Exception:
            continue  # no evidence for this pattern
        record_pattern(obs, p, slots, bump_trials(invoke_p, slots, None), contiguous, kinds, default, values)


def bump_trials(invoke, slots, skip):
    """For each named slot: fresh call, bump that tensor's version, backward.
    Returns name -> "saved" / "multi" for the names whose bump broke backward."""
    found = {}
    for name, pick in slots:
        if name is None or (skip is not None and name in skip) or found.get(name) == "saved":
            continue
        args, kwargs, out, _ = invoke()
        torch.autograd.graph.increment_version(pick(args, kwargs, out))
        try:
            loss_of(out).backward()
        except RuntimeError as e:
            if SAVED_ERR in str(e):
                found[name] = "saved"
            elif MULTI_VIEW_ERR in str(e):
                found.setdefault(name, "multi")
    return found


def only_grad(obj, prefix, only, memo):
    """obj with every tensor that requires grad, except those at keys in ``only``,
    replaced by a detached copy (its own version counter)."""
    count = [0]

    def walk(o):
        if isinstance(o, torch.Tensor):
            key = prefix + (count[0],)
            count[0] += 1
            if not o.requires_grad or key in only:
                return o
            if id(o) not in memo:
                memo[id(o)] = o.detach().clone()
            return memo[id(o)]
        if isinstance(o, (list, tuple)):
            return type(o)(walk(x) for x in o) if not hasattr(o, "_fields") else o
        return o
    return walk(obj)


def run_samples(obs, fn, samples, params, inplace, wraps=None, max_ok=None):
    """Run fn on OpInfo-style samples (input, args, kwargs).  fn is the described
    callable itself, or (wraps=qualname) a wrapper that calls it.  only (see
    only_grad): keys of the tensors that keep requires_grad; None: all do."""
    for s in samples:
        if max_ok is not None and obs.samples >= max_ok:
            break

        def invoke(only=None, s=s):
            args, kwargs = [s.input, *s.args], dict(s.kwargs)
            if only is not None:
                memo = {}
                args = [only_grad(a, ("a", i), only, memo) for i, a in enumerate(args)]
                kwargs = {k: only_grad(v, ("k", k), only, memo) for k, v in kwargs.items()}
            # which tensors require grad as passed (an in-place op makes self require it)
            invoke.grad_keys = {("a", i, j) for i, a in enumerate(args)
                                for j, t in enumerate(tensors_in(a)) if t.requires_grad} | {
                ("k", k, j) for k, v in kwargs.items() for j, t in enumerate(tensors_in(v)) if t.requires_grad}
            inp = args[0]
            if inplace and isinstance(inp, torch.Tensor) and not (
                    inp.is_leaf and not inp.requires_grad and only is None):
                inp = args[0] = inp.clone()  # in-place ops need a non-leaf; leaves w/o grad are probed as is
            v0 = inp._version if isinstance(inp, torch.Tensor) else None
            if wraps is None:
                out = fn(*args, **kwargs)
                called = (args, kwargs, v0 is not None and inp._version != v0)
            else:
                calls = []
                with recording(wraps, calls):
                    out = fn(*args, **kwargs)
                called = calls[0] if calls else None
            return args, kwargs, out, called

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                observe(obs, invoke, params, inplace)
        except Exception:
            continue
        if not inplace and not obs.bumped:  # (knowledge_gen/layout.py)
            layout_trials(obs, s, fn, params, wraps and (lambda calls: recording(wraps, calls)))


def opinfo_experiments(callables, facts, only=None):
    """Run torch's OpInfo database; returns qualname -> Obs.  only: OpInfo names to
    run (all when None; tests re-derive a sample this way)."""
    ensure_expecttest()
    from torch.testing._internal.common_methods_invocations import op_db

    by_id = {}
    for qual, obj in callables.items():
        by_id.setdefault(id(obj), []).append(qual)
    observations = {}
    for op in op_db:
        if only is not None and op.name not in only:
            continue
        dtype = torch.float64 if op.supports_dtype(torch.float64, "cpu") else (
            torch.float32 if op.supports_dtype(torch.float32, "cpu") else None)
        if dtype is None:
            continue
        variants = [(op.op, ["torch." + op.name, "torch.Tensor." + op.name], False),
                    (op.method_variant, ["torch.Tensor." + op.name], False),
                    (op.inplace_variant, ["torch.Tensor." + op.name + "_"], True)]
        for a in op.aliases:  # F.softmax, F.sigmoid, torch.special.expit, torch.arccos ...
            variants += [(a.op, [], False), (a.method_variant, [], False), (a.inplace_variant, [], True)]
        functional = None
        for fn, fallbacks, inplace in variants:
            if fn is None:
                continue
            quals, wraps = by_id.get(id(fn)), None
            if not quals:  # a lambda around a public callable, found by OpInfo name
                quals = [f for f in fallbacks if f in facts][:1]
                wraps = quals[0] if quals else None
            if not quals:
                continue
            if inplace or functional is None:
                try:
                    torch.manual_seed(0)
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        samples = list(itertools.islice(
                            op.sample_inputs("cpu", dtype, requires_grad=op.supports_autograd), MAX_SAMPLES))
                        if samples and not inplace:
                            samples.append(samples[0].noncontiguous())  # reshape-like ops copy here
                        samples += scalar_variants(samples) + complex_samples(op)
                except Exception:
                    samples = []
                if not inplace:
                    functional = samples  # out-of-place variants and aliases share them
            else:
                samples = functional
            if not samples:
                continue
            obs = observations.setdefault(quals[0], Obs())
            run_samples(obs, fn, samples, facts[quals[0]]["params"], inplace, wraps)
            for q in quals[1:]:
                observations[q] = obs
    return observations


SCALAR_SAMPLES = 3       # samples per op whose tensor arguments are also tried as Python numbers


def scalar_variants(samples):
    """Samples again, with a floating tensor argument after the first replaced by a
    Python number (its first element): each one alone, then all of them.  Runs the
    Scalar overloads that OpInfo rarely calls (pow(x, 2.0) vs pow(x, y), clamp(x, 0.5),
    masked_fill(m, 1.0)); they are keyed apart by number_params."""
    def number(t):
        return t.detach().flatten()[0].item() if t.numel() else 1.0

    def spot_ok(v):
        return isinstance(v, torch.Tensor) and v.is_floating_point()
    out, used = [], 0
    for s in samples:
        if used >= SCALAR_SAMPLES:
            break
        spots = [("a", i) for i, a in enumerate(s.args) if spot_ok(a)]
        spots += [("k", k) for k in sorted(s.kwargs) if spot_ok(s.kwargs[k])]
        if not spots:
            continue
        used += 1
        for chosen in [[sp] for sp in spots] + ([spots] if len(spots) > 1 else []):
            args, kwargs = list(s.args), dict(s.kwargs)
            for where, key in chosen:
                if where == "a":
                    args[key] = number(args[key])
                else:
                    kwargs[key] = number(kwargs[key])
            out.append(Sample(s.input, *args, **kwargs))
    return out


HOLE_NAMESPACES = ("torch.Tensor.", "torch.nn.functional.", "torch.linalg.", "torch.special.", "torch.fft.")


def probe_holes(callables, facts, observations):
    """Callables still without evidence: try generic inputs (wrong guesses raise and
    are skipped).  torch.X only when it is a native op or a torch.functional wrapper,
    never torch.save/manual_seed-like utilities."""
    for qual in sorted(callables):
        fact, obs = facts.get(qual), observations.get(qual)
        if fact is None or fact["saves_source"] != "none":
            continue
        if obs is not None and (obs.grad_samples or obs.bwd_unimplemented or obs.diff_seen is False
                                or (obs.samples and not obs.float_out)):
            continue  # settled
        obj = callables[qual]
        name = qual.rsplit(".", 1)[1]
        if name in ("backward", "apply_", "map_", "map2_"):
            continue
        if not qual.startswith(HOLE_NAMESPACES) and not (
                fact.get("_native") or getattr(obj, "__module__", None) == "torch.functional"):
            continue
        inplace = fact["inplace"] or looks_inplace(name)
        obs = obs or Obs()
        run_samples(obs, obj, hole_samples(), fact["params"], inplace, max_ok=6)
        if obs.samples:
            observations[qual] = obs


def looks_inplace(name):
    return (name.endswith("_") and not name.endswith("__")) or name in AUTOGRAD_STATE_METHODS


def probe_methods(callables, facts, observations):
    # Also for methods op_db covers: its float64 samples never hit x.float() on a
    # float32 tensor (returns x itself), and it rarely calls the no-argument forms.
    names = [q for q in sorted(callables) if q.startswith("torch.Tensor.")]
    for qual in names:
        name = qual.rsplit(".", 1)[1]
        if name in ("backward", "apply_", "map_", "map2_"):
            continue  # run autograd or callbacks: nothing to learn
        fn = getattr(torch.Tensor, name)
        if name == "__iter__":
            fn = lambda t: tuple(iter(t))  # noqa: E731  (iteration = unbind)
        inplace = facts[qual]["inplace"] or looks_inplace(name)
        obs = observations.get(qual) or Obs()
        samples = probe_samples(name)
        # wrong-arity guesses just raise and are skipped by run_samples
        run_samples(obs, fn, samples, facts[qual]["params"], inplace)
        if obs.samples:
            observations[qual] = obs


# ---------------------------------------------------------------------------- merge
def _object(qual):
    """The callable a qualified name names (None when it cannot be reached)."""
    obj = torch
    for part in qual.split(".")[1:]:
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def _list_view_kind(outs):
    """Views returned as a list: "multi" when torch forbids writing one in place (split,
    chunk, unbind: outputs of one multi-output node), "each" when each is a view of its
    own that may be written like any view (tensor_split, hsplit: slices)."""
    for t in outs:
        if isinstance(t, torch.Tensor) and t.requires_grad and t.is_floating_point():
            try:
                t.add_(0)
            except RuntimeError as e:  # else the error of a view of a leaf: a view of its own
                return "multi" if MULTI_VIEW_ERR in str(e) else "each"
            return "each"
    return "multi"  # nothing needs grad here: the static list-of-views answer


def merge(fact, obs, notes, qual):
    """Experiments override static facts field by field where they have evidence."""
    if obs is None or not obs.samples:
        return fact
    fact = dict(fact)
    view = None
    if obs.views:
        kinds = obs.views - {None, "alias"}
        view = next((k for k in ("multi", "each", "single") if k in kinds), None)
    if obs.grad_samples:
        saves = set(obs.saves)
        # An op that itself returns multiple views (split) trips the multi-output-view
        # error when its input/outputs are bumped; "view": "multi" already says so.
        # Other ops (MultiheadAttention splitting in_proj_weight) really save such views.
        if view != "multi":
            saves |= obs.multi_view_saves
        if fact["saves_source"] == "derivatives.yaml" and set(fact["saves"]) != saves:
            notes.append(f"{qual}: derivatives.yaml saves {sorted(fact['saves'])}, "
                         f"experiment {sorted(saves)}")
        # Which inputs' requires_grad makes autograd save each tensor, from the runs
        # where only one parameter's tensors required grad.  Only where every such
        # pattern could be measured; otherwise the consumer's fallback ("saved
        # whenever the output requires grad") is the safe answer.

        def saved(how):
            return how == "saved" or (how == "multi" and view != "multi")
        saved_for = {}
        for (p, name, _, _), hows in obs.outcomes.items():
            if any(saved(h) for h in hows):
                saved_for.setdefault(name, set()).add(p)
        saves |= set(saved_for)
        if saved_for and obs.pattern_tried <= obs.pattern_ok:
            fact["saved_for"] = saved_for
        # Saved in some samples but not in others under the same pattern: value-dependent
        # (interpolate saves its input for mode="area" only).
        fact["saves"], fact["saves_source"] = saves, "experiment"
        by_string = None
        if obs.pattern_tried <= obs.pattern_ok:
            fact["overloads"] = kind_overloads(obs, saves, saved, fact["params"], fact.get("_int_params", set()))
            defaults = string_defaults(_object(qual))
            by_string = string_overloads(obs, saves, saved, defaults)
            if by_string:
                fact["overloads"] += by_string
                fact["string_defaults"] = {p: defaults[p] for p in sorted({o["string"][0] for o in by_string})
                                           if p in defaults}
        # Where string arguments pick what is saved (norm's p="nuc" saves nothing), they say
        # so through the overloads; "sometimes" is then what the other samples leave open
        # (norm(x, 2) always keeps its input and result).
        outcomes = obs.plain_outcomes if by_string and obs.plain_outcomes else obs.outcomes
        seen = {}
        for (p, name, present, layout), hows in outcomes.items():
            if not layout:
                seen.setdefault((p, name, present), set()).update(saved(h) for h in hows)
        fact["saves_sometimes"] = {k[1] for k, v in seen.items() if len(v) == 2}
        fact["saves_by_default"] = saves_by_default(obs, fact["saves_sometimes"], saved)
        fact["saves_unless"] = saves_unless(obs, fact["saves_sometimes"], saved)
        fact = fold_varargs(fact, obs, saved)  # "*operands#1" -> "*operands"
    elif obs.bwd_unimplemented and fact["saves_source"] == "none":
        # the output requires grad but backward always raises "not implemented":
        # nothing it keeps can ever be found modified
        fact["saves"], fact["saves_source"] = set(), "experiment"
    if obs.bumped:
        fact["inplace"] = True
    elif fact["inplace"] or looks_inplace(qual.rsplit(".", 1)[1]):
        # mutates self by schema or by name, yet the version counter never moved
        fact["inplace"], fact["harmless"] = False, True
    elif obs.views:
        if (view or None) != (fact["view"] or None) and not (fact["view"] and obs.alias and not kinds):
            notes.append(f"{qual}: schema view {fact['view']}, experiment {view}")
        fact["view"] = view
        fact.pop("view_maybe_copy", None)
        if view and None in obs.views:
            fact["view_maybe_copy"] = True  # some samples viewed, others copied (reshape)
        fact["maybe_alias"] = obs.alias
        if obs.alias:
            fact["alias_when"] = alias_when(obs.alias_runs)
    if not obs.bumped:
        fact.update(output_facts(obs, view, aten_name(qual, _object(qual))))  # std_mean, max(x, dim)
        fact.update(keeps_layout(obs))
    ints = [output_name(j) for j, seen in sorted(obs.out_int.items()) if seen == {True}]
    if ints:
        fact["int_outputs"] = ints
    if obs.diff_seen is not None:
        fact["differentiable"] = obs.diff_seen
    if not obs.float_out:  # only int/bool tensors or non-tensors came out: cannot require grad
        fact["differentiable"] = False
    if not fact["differentiable"]:  # no graph, nothing saved
        fact["saves"], fact["saves_source"] = set(), "experiment"
        fact.pop("saved_for", None)
        fact.pop("saves_sometimes", None)
        fact.pop("saves_by_default", None)
        fact.pop("saves_unless", None)
    return fact


def not_an_op(qual, obj, fact, obs):
    """Helpers, not ops (F.Optional, F.boolean_dispatch, F.handle_torch_function,
    F.assert_int_or_pair, torch.manual_seed ...): not a routine at all, or a Python
    function that no experiment saw return a tensor and whose annotations mention
    no Tensor.  Tensor methods and native ops always stay."""
    if qual.startswith("torch.Tensor.") or fact.get("_native"):
        return False
    if isinstance(obj, torch._ops.OpOverloadPacket):
        return False
    if not inspect.isroutine(obj):
        return True
    if not inspect.isfunction(obj) or fact["saves_source"] != "none" or (obs is not None and obs.tensor_out):
        return False
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return False
    notes = [p.annotation for p in sig.parameters.values()] + [sig.return_annotation]
    return not any("Tensor" in (a if isinstance(a, str) else repr(a)) for a in notes
                   if a is not inspect.Parameter.empty)


def entry(fact, obs, notes, qual):
    """A callable's entry: its static facts, what the experiments showed, in final form."""
    out = finalize(merge(fact, obs, notes, qual))
    if out["inplace"] and (obs is None or not obs.samples) and version_kept_without_kernel(qual):
        # mutable by its schema, never run here, and autograd's layers leave the version alone
        out["inplace"], out["harmless"] = False, True
    return out


def finalize(fact):
    out = {k: v for k, v in fact.items() if not k.startswith("_")}
    params = out["params"]
    # saves must name a positional parameter or an output: "result", "result1" ...
    # (see knowledge/__init__.py)
    out["saves"] = sorted(s for s in out["saves"] if s in params or is_output_name(s))
    saved_for = {k: sorted(p for p in v if p in params)
                 for k, v in out.pop("saved_for", {}).items() if k in out["saves"]}
    saved_for = {k: v for k, v in saved_for.items() if v}
    if saved_for:
        out["saved_for"] = saved_for
    sometimes = sorted(s for s in out.pop("saves_sometimes", ()) if s in out["saves"])
    if sometimes:
        out["saves_sometimes"] = sometimes
    by_default = sorted(s for s in out.pop("saves_by_default", ()) if s in sometimes)
    if by_default:
        out["saves_by_default"] = by_default
    if not out.get("maybe_alias") or not out.get("alias_when"):
        out.pop("alias_when", None)
    unless = {s: v for s, v in out.pop("saves_unless", {}).items() if s in sometimes}
    if unless:
        out["saves_unless"] = unless
    finalize_overloads(out)
    return out


def generate(verbose=False):
    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
    callables = public_callables()
    facts = build_static(callables)
    observations = opinfo_experiments(callables, facts)
    probe_methods(callables, facts, observations)
    probe_holes(callables, facts, observations)
    notes = []
    functions = {}
    for qual in sorted(facts):
        if not_an_op(qual, callables[qual], facts[qual], observations.get(qual)):
            continue
        functions[qual] = entry(facts[qual], observations.get(qual), notes, qual)
    # Only Tensor methods get the transposed-input probe; torch.X shares the native op.
    for qual, fact in functions.items():
        name = qual[len("torch."):]
        mq = "torch.Tensor." + name
        meth = functions.get(mq)
        if "." not in name and meth and fact["view"] and meth.get("view_maybe_copy") \
                and aten_name(qual, callables[qual]) == aten_name(mq, callables[mq]) == name:
            fact["view_maybe_copy"] = True
    helpers = types.SimpleNamespace(recording=recording, name_map=name_map, ensure_expecttest=ensure_expecttest)
    for qual, writes in function_writes(helpers, callables, facts).items():
        if qual in functions:
            functions[qual]["writes"] = writes
    for qual, casts in function_autocast(helpers, callables, facts).items():
        if qual in functions:
            functions[qual].update(casts)
    modules = module_experiments()
    data = {
        "torch_version": torch.__version__.split("+")[0],
        "generator": "tools/gen_knowledge.py",
        "functions": functions,
        "modules": modules,
        "aliases": aliases_of(sorted(functions) + sorted(modules)),
        "wrappers": wrapper_facts(),
        "module_functions": module_functions(),
    }
    if verbose:
        for n in notes:
            print("note:", n, file=sys.stderr)
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def aliases_of(known):
    """The re-export map (knowledge_gen/aliases.py), walked in a fresh interpreter so
    that it sees exactly the modules ``import torch`` loads."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "knowledge_gen", "aliases.py")
    proc = subprocess.run([sys.executable, script], input=json.dumps(known), capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--output", default=DEFAULT_OUTPUT)
    ap.add_argument("--check", action="store_true", help="exit 1 if --output is out of date")
    ap.add_argument("--verbose", action="store_true", help="print static/experiment disagreements")
    ap.add_argument("--only", help="comma-separated functions and modules (torch.nn.X): rerun their "
                    "experiments and rewrite only their entries in --output (knowledge_gen/partial.py)")
    ns = ap.parse_args(argv)
    if ns.only:
        torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
        for qual, key in regenerate_only(sys.modules[__name__], ns.only.split(","), ns.output):
            print(f"changed: {qual} {key}")
        return 0
    text = generate(verbose=ns.verbose)
    if ns.check:
        try:
            with open(ns.output, encoding="utf-8") as f:
                same = f.read() == text
        except OSError:
            same = False
        print("up to date" if same else f"{ns.output} is out of date")
        return 0 if same else 1
    with open(ns.output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
