"""Helpers shared by the generator's parts: output names, signatures, losses."""
from __future__ import annotations

import inspect
import itertools
import re
import sys
import types
import unittest

import torch

MAX_SAMPLES = 10         # OpInfo samples per op (they cover the overloads); keeps the run ~2 min
# autograd's two complaints about a tensor mutated after it was saved: a saved
# variable's version changed, or a saved output of a multi-output view op (split,
# chunk) had its base changed.  Not "a view created in no_grad mode ... modified",
# which OpInfo's noncontiguous() samples (no_grad views) provoke by themselves.
SAVED_ERR = "modified by an inplace operation"
MULTI_VIEW_ERR = "function that returns multiple views"


def output_name(i):
    """Name of the i-th returned tensor in "saves": "result" for the primary output
    (output 0, or the single returned tensor), then "result1", "result2", ..."""
    return "result" if i == 0 else f"result{i}"


def is_output_name(name):
    return re.fullmatch(r"result[1-9][0-9]*", name) is not None or name == "result"


def python_params(obj, is_method):
    """Positional parameter names of a Python-level callable, or None.  A
    boolean_dispatch wrapper (F.max_pool2d: ``fn(*args, **kwargs)`` choosing on
    return_indices) reports its default branch's signature (F._max_pool2d)."""
    try:
        from torch._jit_internal import boolean_dispatched
        dispatch = boolean_dispatched.get(obj)
    except (ImportError, TypeError):
        dispatch = None
    if dispatch is not None:
        obj = dispatch["if_true" if dispatch["default"] else "if_false"]
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return None
    out = []
    for p in sig.parameters.values():
        if p.kind == p.VAR_POSITIONAL and p.name != "args":
            out.append(VARARGS + p.name)  # torch.block_diag(*tensors): each one passed there
        if p.kind not in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            break
        out.append(p.name)
    if out == [] and list(sig.parameters) == ["args"]:
        out = doc_params(obj)  # einsum(*args) documents itself as einsum(equation, *operands)
    if is_method and (not out or out[0] != "self"):
        out = ["self"] + out
    return out


VARARGS = "*"  # a parameter name starting so takes every remaining positional argument


def doc_params(obj):
    """Positional parameters from the first line of a ``fn(*args)`` wrapper's docstring
    when it names a varargs parameter there (``einsum(equation, *operands) -> Tensor``);
    [] otherwise (``(*args, **kwargs)`` dispatchers keep no positional names)."""
    first = (getattr(obj, "__doc__", None) or "").strip().split("\n", 1)[0]
    m = re.match(r"\w+\(([^()]*)\)", first)
    if not m:
        return []
    names = [a.strip() for a in m.group(1).split(",")]
    if not names or not all(re.fullmatch(r"\*?\w+", n) for n in names) or not names[-1].startswith(VARARGS):
        return []
    return names


def is_varargs(name):
    return name.startswith(VARARGS)


def varargs_values(cargs, params):
    """(param name, value) for each positional argument a call received; the values
    from a varargs parameter on go to it, one by one, or as the one list or tuple
    passed there (``torch.einsum("ij,jk", [a, b])``: torch unpacks it)."""
    out = []
    for i, a in enumerate(cargs[: len(params)]):
        if not is_varargs(params[i]):
            out.append((params[i], a))
            continue
        rest = list(cargs[i:])
        if len(rest) == 1 and isinstance(rest[0], (list, tuple)):
            rest = list(rest[0])
        out += [(params[i], v) for v in rest]
        break
    return out


def varargs_slot(name, j):
    """The generator's own name for the j-th tensor passed to a varargs parameter,
    measured on its own and folded back into the parameter (knowledge_gen/varargs.py)."""
    return f"{name}#{j}"


def tensors_in(obj):
    if isinstance(obj, torch.Tensor):
        return [obj]
    if isinstance(obj, (list, tuple)):
        return [t for o in obj for t in tensors_in(o)]
    return []


def loss_of(out):
    parts = [(t.real if t.is_complex() else t).sum() for t in tensors_in(out) if t.requires_grad]
    return sum(parts) if parts else None


def ensure_expecttest():
    """torch.testing._internal imports expecttest (a test-only dependency) just for a
    TestCase base class; stand in unittest's if it is not installed."""
    try:
        import expecttest  # noqa: F401
    except ImportError:
        stub = types.ModuleType("expecttest")
        stub.TestCase, stub.ACCEPT = unittest.TestCase, False
        sys.modules["expecttest"] = stub


def record_pattern(obs, p, slots, found, contiguous=True, kinds=(frozenset(), frozenset(), frozenset()),
                   default=False, values=None):
    """Outcome of one sample under "only p requires grad"; kinds: the parameters
    passed as Python numbers, those passed as tensors, and (parameter, value) of
    those passed as strings; default: the sample passed only tensors; values: every
    argument's (parameter, value) (defaults.value_params), None to leave them out."""
    numbers, tensors, strings = kinds
    obs.pattern_ok.add(p)
    # keyed also by which parameters were tensors at all: pow(x, 2) and pow(x, y) are
    # different overloads, not one op saving its result "sometimes"
    present = frozenset(n for n, _ in slots if n is not None and not is_output_name(n))
    # a non-contiguous input makes many kernels save a contiguous copy instead: a
    # layout effect (noncontiguous() samples), not a value-dependent save
    layout = not contiguous
    for name in present | {n for n, _ in slots if n is not None and is_output_name(n)}:
        obs.outcomes.setdefault((p, name, present, layout), set()).add(found.get(name))
        if not strings:  # the samples no string argument explains (see saves_sometimes)
            obs.plain_outcomes.setdefault((p, name, present, layout), set()).add(found.get(name))
        obs.number_outcomes.setdefault((numbers, name), set()).add(found.get(name))
        if tensors is not None:
            obs.tensor_outcomes.setdefault((tensors, name), set()).add(found.get(name))
        if default and not layout:
            obs.default_outcomes.setdefault((p, name), set()).add(found.get(name))
        if values is not None and tensors is not None and not layout:
            obs.value_outcomes.setdefault((p, name), []).append((values, found.get(name)))
        if layout is False:
            obs.string_outcomes.setdefault((strings, name), set()).add(found.get(name))


def name_map(called, params):
    """id(tensor) -> parameter name, from the arguments the target actually received."""
    names = {}
    cargs, ckwargs, _ = called
    spread = 0  # tensors given to a varargs parameter so far: each is named apart
    for name, a in varargs_values(cargs, params):
        for t in tensors_in(a):
            if is_varargs(name):
                names.setdefault(id(t), varargs_slot(name, spread))
                spread += 1
            else:
                names.setdefault(id(t), name)
    for k, v in ckwargs.items():
        if k in params:
            for t in tensors_in(v):
                names.setdefault(id(t), k)
    return names


def complex_samples(op):
    """torch.fft's samples again in complex128: the input's dtype picks the kernel there
    (fft of a real input runs r2c and keeps it, of a complex one c2c and keeps nothing),
    which the float64 samples alone would hide."""
    if not op.name.startswith("fft.") or not op.supports_dtype(torch.complex128, "cpu"):
        return []
    return list(itertools.islice(op.sample_inputs("cpu", torch.complex128, requires_grad=op.supports_autograd),
                                 MAX_SAMPLES))
