"""How the knowledge's per-call facts apply to the arguments of one call.

Pure functions over abstract values (no interpreter state): which overload the
arguments pick and what it saves, whether the arguments that trigger a write were
given, where an argument is written in the call.
"""
from __future__ import annotations

import libcst as cst

from .values import UNKNOWN_CONST, Const, Tensor


def arg_kind(v):
    """How an argument picks an op's overload: "number" (a Python value that is not
    a tensor: torch calls the Scalar overload), "tensor", or "unknown" (a parameter
    or opaque value that may be either)."""
    if isinstance(v, Const):
        return "number"
    if isinstance(v, Tensor):
        return "unknown" if v.kind in ("arg", "opaque") else "tensor"
    return "unknown"


def overload_saves(spec, bound):
    """(saves, unsure) for the overload the bound arguments pick.  The knowledge's
    "overloads" say what an op saves when some parameters are Python numbers
    (pow(x, 2.0) keeps only x; pow(x, y) also y and its result).  A parameter of
    unknown kind may take either overload: what only the tensor overload saves is
    then a possible save (unsure), never a certain one."""
    saves = spec.get("saves") or ()
    best = None
    for o in spec.get("overloads") or ():
        numbers = o["numbers"]
        kinds = [arg_kind(bound[n]) if n in bound else "tensor" for n in numbers]
        if "tensor" in kinds:
            continue
        sure = "unknown" not in kinds
        key = (sure, len(numbers))
        if best is None or key > best[0]:
            best = (key, o)
    if best is None:
        return saves, set()
    (sure, _), o = best
    if sure:
        return [w for w in saves if w in o["saves"]], set()
    return saves, {w for w in saves if w not in o["saves"]}


FORWARD_WRITES = "__forward_writes__"  # Obj.attrs key: {attr: (certain, trigger args)}


def triggered(when, arg):
    """Whether every trigger argument is given and not None/False: True, False, or
    None (given, value unknown)."""
    cond = True
    for k in when:
        v = arg(k)
        if v is None:
            return False  # not given
        if v is UNKNOWN_CONST or not isinstance(v, Const):
            cond = None  # given; its value is not known here
        elif v.value is None or v.value is False:
            return False
    return cond


def arg_node(call, params, name):
    """The expression passed for parameter ``name`` in a call, if written there."""
    if not isinstance(call, cst.Call):
        return None
    kw = kwarg_node(call, name)
    if kw is not None:
        return kw
    i = params.index(name) if name in params else -1
    pos = [a for a in call.args if a.keyword is None and not a.star]
    return pos[i].value if 0 <= i < len(pos) else None


def kwarg_node(call, name):
    """The expression passed as keyword ``name`` in a call, if any."""
    if isinstance(call, cst.Call):
        for a in call.args:
            if a.keyword is not None and a.keyword.value == name:
                return a.value
    return None
