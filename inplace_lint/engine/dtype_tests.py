"""Tests of a tensor's dtype decided by what the engine knows of it.

``if x.dtype == torch.uint8: x = x.float().div(255)`` on a tensor known to be float32 (a
factory under the default dtype, ``.float()``, a clone of one: ``Storage.f32``) takes the
other branch; an integral tensor is no floating dtype, a floating one no integral dtype.
Where autocast may be on or the default dtype changes, ``f32`` is unknown and nothing is
decided.
"""
from __future__ import annotations

import libcst as cst

from .values import Qual, Seq, Tensor

_FLOAT32 = {"torch.float", "torch.float32"}
_INTEGRAL = {"long", "int", "int64", "int32", "int16", "int8", "uint8", "uint16", "uint32", "uint64", "short",
             "bool", "char", "byte"}
_FLOATING = {"float", "float32", "float64", "double", "half", "float16", "bfloat16", "complex64", "complex128",
             "cfloat", "cdouble", "chalf", "complex32"}


def dtype_test(interp, test, frame):
    """Whether ``t.dtype <op> torch.<dtype>`` (or ``in`` a tuple of dtypes) holds: True,
    False, or None when not decided here."""
    comp = test.comparisons[0]
    op = type(comp.operator)
    if op not in (cst.Equal, cst.NotEqual, cst.Is, cst.IsNot, cst.In, cst.NotIn):
        return None
    t = _dtype_of(interp, test.left, frame)
    if t is None:
        return None
    right = interp.eval(comp.comparator, frame) if _plain(comp.comparator) else None
    names = _dtype_names(right, many=op in (cst.In, cst.NotIn))
    if names is None:
        return None
    verdicts = [_is(t, name) for name in names]
    if op in (cst.Equal, cst.Is, cst.NotEqual, cst.IsNot):
        holds = verdicts[0]
    elif True in verdicts:
        holds = True
    else:
        holds = False if all(v is False for v in verdicts) else None
    if holds is None:
        return None
    return holds if op in (cst.Equal, cst.Is, cst.In) else not holds


def _dtype_of(interp, node, frame):
    """The tensor whose ``.dtype`` the expression reads (``x.dtype``, ``self.w.dtype``)."""
    if not (type(node) is cst.Attribute and node.attr.value == "dtype" and _plain(node.value)):
        return None
    v = interp.eval(node.value, frame)
    # (a parameter or buffer: ``model.half()`` elsewhere may have changed its dtype)
    return v if isinstance(v, Tensor) and not v.members and v.kind not in ("param", "buffer") else None


def _dtype_names(v, many):
    if many and isinstance(v, Seq) and v.items:
        names = [_dtype_names(i, False) for i in v.items]
        return None if None in names else [n[0] for n in names]
    if isinstance(v, Qual) and v.name.startswith("torch.") and v.name[len("torch."):] in _INTEGRAL | _FLOATING:
        return [v.name]
    return None


def _is(t, name):
    """Whether tensor ``t``'s dtype is ``name``: True, False or None (not known)."""
    short = name[len("torch."):]
    f32 = t.storage.f32
    if f32 is True:
        return name in _FLOAT32
    if f32 is False and name in _FLOAT32:
        return False
    if t.dtype == "int" and short in _FLOATING or t.dtype == "float" and short in _INTEGRAL:
        return False
    return None


def _plain(node):
    """A name or attribute chain (evaluating it calls nothing)."""
    while type(node) is cst.Attribute:
        node = node.value
    return type(node) is cst.Name

