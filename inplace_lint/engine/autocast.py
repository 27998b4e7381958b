"""Autocast regions and the saves of cast copies made in them.

Under ``torch.autocast("cpu")`` (bfloat16) torch casts the float32 inputs of its "lower
precision" ops (linear, matmul, conv ...) to bfloat16 before they run, and the op saves
the cast copy: a tensor of its own, which an in-place write to the float32 tensor passed
in does not reach (a max-norm renorm of a Linear's weight between an autocast forward
and the backward breaks nothing).  The op's result is bfloat16, so the next such op
saves that result itself.  Which inputs are saved as copies, per input dtype, and the
result's dtype are measured by the generator (knowledge ``autocast_copies``,
``autocast_result``; tools/knowledge_gen/autocast.py).

A region is *on* where it is a CPU autocast to bfloat16 (the default dtype there) that
is enabled by no argument or a known true value, *off* where ``enabled`` is a known
false, and *maybe* otherwise: an unknown ``enabled`` or dtype, a CUDA region (torch
disables it on a machine without CUDA, but it is on where it is meant to run), a
context whose name speaks of autocast.  Inside an on region every open region is a
torch autocast, so ops without tensor inputs (factories) still make float32 there.  A save of a listed input is a copy only inside
an *on* region and for an input certainly of the listed dtype; wherever it may be a copy
on one configuration and the tensor itself on another it is uncertain.
"""
from __future__ import annotations

import re

from .dtypes import AMP_LIKE_NAME
from .values import Const, GradCtx, Qual, Tensor, UNKNOWN_CONST, Value

ON, MAYBE = "on", "maybe"


class Autocast(Value):
    """``torch.autocast(...)``: inside, ops may compute in a lower precision.  ``enabled``:
    False only where the code says so with a constant; ``state``: ON, MAYBE or None (off)."""

    __slots__ = ("enabled", "state")

    def __init__(self, enabled=None, state=MAYBE):
        self.enabled = enabled
        self.state = state


AUTOCAST_CTX = {"torch.autocast", "torch.amp.autocast", "torch.amp.autocast_mode.autocast",
                "torch.cuda.amp.autocast", "torch.cpu.amp.autocast", "torch.cuda.amp.autocast_mode.autocast",
                "torch.cpu.amp.autocast_mode.autocast"}
# (device_type, dtype, enabled, cache_enabled) or, for the device's own class, (enabled, dtype, cache_enabled)
_DEVICE_FIRST = {"torch.autocast", "torch.amp.autocast", "torch.amp.autocast_mode.autocast"}
# a context whose name says autocast but that the engine cannot see into (``accelerator.autocast()``,
# ``self.autocast_ctx``): a region that may be on
MAYBE_AUTOCAST_NAME = re.compile(r"autocast", re.IGNORECASE)


def _known(v):
    return isinstance(v, Const) and v is not UNKNOWN_CONST


def autocast(name, args, kwargs):
    """The region ``torch.autocast(...)`` (or ``torch.cuda.amp.autocast(...)``) opens."""
    first = name in _DEVICE_FIRST
    pos = list(args[1:]) if first else list(args)

    def arg(key, i):
        return kwargs.get(key, pos[i] if i < len(pos) else None)
    on, dtype = arg("enabled", 1 if first else 0), arg("dtype", 0 if first else 1)
    if first:
        device = kwargs.get("device_type", args[0] if args else None)
        device = device.value if _known(device) else None
    else:
        device = "cpu" if ".cpu." in name else "cuda"
    if _known(on) and on.value is False:
        return Autocast(enabled=False, state=None)
    sure = on is None or _known(on) and on.value is True
    bf16 = dtype is None or isinstance(dtype, Qual) and dtype.name == "torch.bfloat16"
    return Autocast(state=ON if sure and bf16 and device == "cpu" else MAYBE)


def enter_region(v, dotted_name, amp, current):
    """(amp, autocast state) inside ``with v`` (``dotted_name``: how the code names it) opened
    where they were ``amp`` (> 0: float32 facts off, see dtypes.py) and ``current``.  Outside
    autocast only a name that says autocast opens a maybe; inside an on region any context
    whose name speaks of precision makes it a maybe."""
    if isinstance(v, GradCtx):
        return amp, current
    if isinstance(v, Autocast):
        return amp + (v.enabled is not False), v.state
    if not AMP_LIKE_NAME.search(dotted_name or "") or isinstance(v, Const) and v is not UNKNOWN_CONST:
        return amp, current  # (a known value that is no region: ``contextlib.nullcontext()``)
    return amp + 1, MAYBE if MAYBE_AUTOCAST_NAME.search(dotted_name or "") or current == ON else current


def cast_save(state, spec, what, t):
    """A save of ``t`` as the op's ``what`` in a region of ``state``: "copy" (a cast copy is
    saved, not ``t``), "maybe" (uncertain) or None (``t`` itself, as outside autocast)."""
    if state is None or not isinstance(t, Tensor):
        return None
    copies = spec.get("autocast_copies")
    if not copies:
        return None
    low, high = what in copies.get("float32", ()), what in copies.get("bfloat16", ())
    if not (low or high):
        return None
    for sure, listed in ((t.storage.f32, low), (t.storage.bf16, high)):
        if sure is True:
            return None if not listed else "copy" if state == ON else "maybe"
    # of an unknown dtype, or of some dtype other than float32 (float16 is cast, float64 is not)
    return "maybe"


def cast_result(state, spec, first, out):
    """``out``, the result of an op inside a region of ``state`` whose first tensor input is
    ``first``: bfloat16 (not float32) where the op computes float32 inputs in bfloat16."""
    if state != ON or not isinstance(first, Tensor) or first.storage.f32 is not True:
        return
    if (spec.get("autocast_result") or {}).get("float32") == "bfloat16":
        out.storage.f32, out.storage.bf16 = False, True
