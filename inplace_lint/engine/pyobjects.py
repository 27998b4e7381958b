"""What methods of Python lists, dicts and strings do to the values the engine tracks:
``layers.append(m)`` keeps the order of straight-line appends, ``cfg.get("act")`` finds an
entry, ``"a.b".split(".")`` is worked out on a known string."""
from __future__ import annotations

from .values import UNKNOWN_CONST, Const, Dict, Obj, Seq, Tensor, Value, join, join_all, opaque

_STR_METHODS = {"lower": str.lower, "upper": str.upper, "strip": str.strip, "lstrip": str.lstrip,
                "rstrip": str.rstrip, "replace": str.replace, "startswith": str.startswith,
                "endswith": str.endswith, "split": str.split, "rsplit": str.rsplit}


def string_method(text, name, args):
    """``"a.b".split(".")`` and the like on a known string (a module's dotted name from a
    config): the result, or None when it is not worked out here."""
    if name not in _STR_METHODS or "\\" in text:
        return None
    plain = []
    for a in args:
        if not isinstance(a, Const) or a is UNKNOWN_CONST or not isinstance(a.value, (str, int, tuple)) \
                or isinstance(a.value, bool):
            return None
        plain.append(a.value)
    try:
        got = _STR_METHODS[name](text, *plain)
    except (TypeError, ValueError):
        return None
    if isinstance(got, list):
        return Seq(items=[Const(x) for x in got], nonempty=True)
    return Const(got)


def python_method(interp, recv, name, args):
    """``recv.<name>(*args)`` for a list/tuple, dict or string; None when not modelled here."""
    if isinstance(recv, Seq):
        if name in ("append", "insert", "add", "extend") and args and recv.sources:
            for src in recv.sources:  # ``(a if c else b).append(x)``: either list may get it
                src.elem = join(src.element(), interp.iterate(args[0]) if name == "extend" else args[-1])
                src.items = src.tail = None
        if name in ("append", "insert", "add"):
            if args:
                if name == "append" and recv.items is not None and not interp.loop_depth:
                    recv.items.append(args[-1])  # straight-line appends keep the order
                else:
                    straight = name == "append" and recv.items is None and not interp.loop_depth
                    recv.elem = join(recv.element(), args[-1])
                    recv.items = None
                    recv.tail = (recv.tail or []) + [args[-1]] if straight else None
            return Const(None)
        if name == "extend" and args:
            recv.elem = join(recv.element(), interp.iterate(args[0]))
            recv.items = None
            recv.tail = None
            return Const(None)
        if name == "pop":
            return recv.element()
        if name in ("copy",):
            return Seq(items=recv.items, elem=recv.elem)
        return UNKNOWN_CONST
    if isinstance(recv, Dict):
        if name in ("items", "values", "keys"):
            return mapping_view(name, list(recv.entries.values()))
        if name in ("get", "pop", "setdefault"):
            key = args[0].value if args and isinstance(args[0], Const) and args[0] is not UNKNOWN_CONST else None
            if key in recv.entries:
                # ``spec.pop("name")`` before ``cls(**spec)``: the rest are the keywords
                return recv.entries.pop(key) if name == "pop" else recv.entries[key]
            # a dict known only by its type (``batch: dict[str, Tensor]``): the key's own item
            # (a defaultdict's get makes nothing)
            item = missing_item(recv, key) if name != "pop" and isinstance(recv.factory, Value) else None
            if item is not None:
                return join(item, args[1]) if len(args) > 1 else item
            return args[1] if len(args) > 1 else opaque()
        if name == "update" and args and isinstance(args[0], Dict):
            recv.entries.update(args[0].entries)
        return UNKNOWN_CONST
    if isinstance(recv, Const) and recv is not UNKNOWN_CONST and isinstance(recv.value, str):
        return string_method(recv.value, name, args)
    return None


def dict_entries(v):
    """The entries an instance of a ``dict`` subclass was built with (``Config(loss="supcon")``,
    see Calls.init_dict_subclass), or None for anything else."""
    got = v.attrs.get(DICT_ENTRIES) if isinstance(v, Obj) else None
    return got if isinstance(got, Dict) else None


DICT_ENTRIES = "__entries__"


def missing_item(d, key):
    """The item under constant ``key``, missing from dict ``d``, that ``d[key]`` makes and
    keeps: a defaultdict's new list or dict; or, for a dict of unknown contents known
    only by its type (``batch: dict[str, Tensor]``), a fresh unknown item of that type:
    two constant keys name two objects (``batch['imgs']`` and ``batch['ids']`` share
    nothing), one key always the same.  None when ``d`` makes nothing."""
    f = d.factory
    if f is None or key is None:
        return None
    if isinstance(f, Tensor) and not f.members:
        new = Tensor(rg=f.rg, leaf=f.leaf, kind=f.kind, dtype=f.dtype)
    elif isinstance(f, Value):
        new = f  # (a list or dict of unknown items: one for every key, as before)
    else:
        new = Seq(items=[]) if f == "list" else Dict()
    d.entries[key] = new
    return new


def mapping_view(name, values, nonempty=False):
    """``.items()``, ``.values()`` or ``.keys()`` of a mapping holding ``values`` (keys unknown)."""
    v = join_all(values) if values else opaque()
    elem = v if name == "values" else UNKNOWN_CONST if name == "keys" else Seq(items=[UNKNOWN_CONST, v], is_tuple=True)
    return Seq(elem=elem, nonempty=nonempty)
