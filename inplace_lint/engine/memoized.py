"""Calls of a function decorated with ``functools.lru_cache`` / ``functools.cache``: the same
arguments give the same object back (a head factory asked twice with one config builds one head,
which both callers then share)."""
from __future__ import annotations

from .frames import decorator_name
from .values import PLAIN_TYPES, UNKNOWN_CONST, ClassInfo, Const, Obj, Qual, Seq, Starred


MEMOIZERS = frozenset({"functools.lru_cache", "lru_cache", "functools.cache", "cache"})


def memoized(fnode):
    return any(decorator_name(d) in MEMOIZERS for d in fnode.decorators)


def cache_key(func, args, kwargs):
    """What a memoizing decorator keys the call by, for arguments known by value or identity
    (constants, objects, classes); None when one is not known so."""
    def key(v):
        if isinstance(v, Const) and v is not UNKNOWN_CONST and (v.value is None or type(v.value) in PLAIN_TYPES):
            return ("c", type(v.value), v.value)
        if isinstance(v, Obj):
            return ("o", v.mid)
        if isinstance(v, ClassInfo):
            return ("k", id(v))
        if isinstance(v, Qual):
            return ("q", v.name)
        return None
    flat = []
    for a in args:
        if not isinstance(a, Starred):
            flat.append(a)
        elif isinstance(a.value, Seq) and a.value.items is not None and a.value.tail is None:
            flat.extend(a.value.items)  # build_head(*head_args) with the tuple known
        else:
            return None
    pos = [key(a) for a in flat]
    named = [(k, key(v)) for k, v in sorted(kwargs.items())]
    bound = key(func.bound) if func.bound is not None else ()
    if None in pos or any(k is None for _, k in named) or bound is None:
        return None
    return id(func.node), bound, tuple(pos), tuple(named)
