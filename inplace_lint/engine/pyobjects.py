"""What methods of Python lists, dicts and strings do to the values the engine tracks:
``layers.append(m)`` keeps the order of straight-line appends, ``cfg.get("act")`` finds an
entry, ``"a.b".split(".")`` is worked out on a known string; ``points.astype(np.float32)`` is no tensor."""
from __future__ import annotations

import libcst as cst

from .values import (
    PLAIN_TYPES, UNKNOWN_CONST, ClassInfo, Const, Dict, Func, Obj, Qual, Seq, Tensor, Value, join, join_all, opaque,
)
from .graph import mark_read

# Methods of numpy's ndarray that torch.Tensor lacks (and list, dict, str and set lack
# too: ``copy`` is left out), checked against torch by tests/test_prec8_numpy.py: a value
# they are called on is an ndarray, whatever the engine guessed, and so is their result
# (or a number, bytes, None): no autograd graph, nothing saved, nothing requires grad.
NDARRAY_ONLY_METHODS = {"astype", "argpartition", "searchsorted", "tobytes", "byteswap", "choose", "compress",
                        "conjugate", "getfield", "setfield", "fill", "tofile", "dump", "dumps", "setflags"}

_STR_METHODS = {"lower": str.lower, "upper": str.upper, "strip": str.strip, "lstrip": str.lstrip,
                "rstrip": str.rstrip, "replace": str.replace, "startswith": str.startswith,
                "endswith": str.endswith, "split": str.split, "rsplit": str.rsplit,
                "partition": str.partition, "rpartition": str.rpartition, "removeprefix": str.removeprefix,
                "removesuffix": str.removesuffix}


def truthiness(v):
    """True or False where Python's truth of the value is certain, else None: known
    constants, lists and dicts known to hold something, functions and classes."""
    if isinstance(v, Const):
        return None if v is UNKNOWN_CONST or type(v.value) not in PLAIN_TYPES else bool(v.value)
    if isinstance(v, Seq):
        return True if v.items or v.nonempty else None
    if isinstance(v, Dict):
        return True if v.entries else None
    if isinstance(v, (Func, Qual, ClassInfo)):
        return True
    return None


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
    if isinstance(got, (list, tuple)):
        return Seq(items=[Const(x) for x in got], nonempty=bool(got), is_tuple=isinstance(got, tuple))
    return Const(got)


MAX_HEAD = 4  # first members a list keeps known through appends in a loop


def python_method(interp, recv, name, args):
    """``recv.<name>(*args)`` for a list/tuple, dict or string; None when not modelled here."""
    if isinstance(recv, Seq):
        if name in ("append", "insert", "add", "extend", "pop"):
            interp.heap.note_seq(recv)  # (on this path only)
        if name in ("append", "insert", "add", "extend") and args and recv.sources:
            for src in recv.sources:  # ``(a if c else b).append(x)``: either list may get it
                interp.heap.note_seq(src)
                src.forget_order(join(src.element(), interp.iterate(args[0]) if name == "extend" else args[-1]))
        if name in ("append", "insert", "add"):
            if args:
                at = args[0].value if name == "insert" and len(args) == 2 and isinstance(args[0], Const) else None
                if name == "append" and recv.items is not None and not interp.loop_depth:
                    recv.items.append(args[-1])  # straight-line appends keep the order
                elif type(at) is int and recv.items is not None and not interp.loop_depth:
                    recv.items.insert(at, args[-1])  # and so does an insert at a known place
                else:
                    straight = name == "append" and recv.items is None and not interp.loop_depth
                    if straight:  # at the end of what is there: its head stays
                        recv.elem = join(recv.element(), args[-1])
                        recv.tail = (recv.tail or []) + [args[-1]]
                    else:
                        if name == "append" and isinstance(args[-1], Tensor):
                            interp.appended.update(m.storage.id for m in args[-1].members or [args[-1]])
                        head = recv.items if recv.items is not None else recv.head
                        # (into an empty list: the member itself, not "it or the unknown
                        # element", which would be a copy that leads nowhere)
                        empty = recv.items == [] and recv.elem is None
                        recv.forget_order(args[-1] if empty else join(recv.element(), args[-1]))
                        if name == "append" and head:
                            # appended at the end in a loop: the first members stay first
                            # (``h_list = [embed(x)]`` then ``h_list.append(h)`` per layer)
                            recv.head = list(head[:MAX_HEAD])
            return Const(None)
        if name == "extend" and args:
            more = args[0].items if isinstance(args[0], Seq) and args[0].tail is None else None
            if more is not None and recv.items is not None and not interp.loop_depth:
                recv.items.extend(more)  # straight-line, as append
            else:
                recv.forget_order(join(recv.element(), interp.iterate(args[0])))
            return Const(None)
        if name == "pop":
            if recv.items is None:
                recv.forget_order(recv.element())  # its last member is gone
            return recv.element()
        if name in ("copy",):
            return Seq(items=recv.items, elem=recv.elem)
        return UNKNOWN_CONST
    if isinstance(recv, Dict):
        if name in ("items", "values", "keys"):
            known = known_entries(recv)
            if known is not None:
                return Seq(items=[_view_item(name, k, v) for k, v in known], nonempty=True)
            return mapping_view(name, list(recv.entries.values()))
        if name in ("get", "pop", "setdefault"):
            key = dict_key(args[0]) if args else NO_KEY
            if key is not NO_KEY and key in recv.entries:
                # ``spec.pop("name")`` before ``cls(**spec)``: the rest are the keywords
                return recv.entries.pop(key) if name == "pop" else recv.entries[key]
            # a dict known only by its type (``batch: dict[str, Tensor]``): the key's own item
            # (a defaultdict's get makes nothing)
            item = missing_item(recv, None if key is NO_KEY else key) \
                if name != "pop" and isinstance(recv.factory, Value) else None
            if item is not None:
                return join(item, args[1]) if len(args) > 1 else item
            if (key is NO_KEY or "?" in recv.entries) and recv.entries:
                # a key not known here (``schedule.get(epoch, 0)`` in a loop): any entry, or the default
                found = join_all(list(recv.entries.values()))
                return join(found, args[1]) if len(args) > 1 else found
            return args[1] if len(args) > 1 else opaque()
        if name == "clear":
            recv.entries.clear()  # (a memo's ``key in`` test no longer finds what it stored)
            return Const(None)
        if name == "update" and args and isinstance(args[0], Dict):
            recv.entries.update(args[0].entries)
        elif name == "update" and args:
            recv.entries["?"] = join(recv.entries.get("?"), opaque())  # keys not known here
        return UNKNOWN_CONST
    if isinstance(recv, Const) and recv is not UNKNOWN_CONST and isinstance(recv.value, str):
        return string_method(recv.value, name, args)
    if isinstance(recv, Const):
        return numpy_result(args, {})  # a method of an ndarray or a number (see array_attribute)
    return None


# what ndarrays share with tensors and numbers, named like tensor methods (``arr.reshape``,
# ``arr.T``); the properties among them give a value, not a method
ARRAY_METHODS = {
    "all", "any", "argmax", "argmin", "argsort", "clip", "conj", "copy", "cumprod", "cumsum", "diagonal",
    "dot", "flatten", "item", "max", "mean", "min", "nonzero", "prod", "put", "ravel", "repeat", "reshape",
    "resize", "round", "squeeze", "std", "sum", "swapaxes", "take", "tolist", "trace", "transpose", "var",
    "view", "is_integer",
}
ARRAY_PROPERTIES = {"T", "shape", "size", "ndim", "dtype", "real", "imag", "flat", "itemsize", "nbytes",
                    "strides"}


def array_attribute(base, attr):
    """Whether ``base.<attr>`` is an attribute of an ndarray or a number: ``base`` is a
    constant of unknown value (what an ``np.ndarray`` annotation, a numpy function or
    ``.item()`` gives) or a known number, and ``attr`` one of theirs.  (A constant
    ``None`` is left alone: it stands for an attribute not set yet.)"""
    if not isinstance(base, Const) or not (base is UNKNOWN_CONST or isinstance(base.value, (int, float, complex))):
        return False
    return attr in ARRAY_METHODS or attr in ARRAY_PROPERTIES or attr in NDARRAY_ONLY_METHODS


# numpy functions that convert a tensor argument to an array, measured (numpy 2, torch 2.13): a
# tensor that requires grad makes them raise ("Can't call numpy() on Tensor that requires grad").
# Not np.isscalar, np.ndim, np.shape, np.size, np.iterable, which only look at the object, nor
# np.squeeze, np.nonzero, np.sum and the like, which call the tensor's own method.
NUMPY_CONVERTING = frozenset((
    "abs", "absolute", "add", "allclose", "argmax", "argmin", "argsort", "around", "array", "asanyarray",
    "asarray", "ascontiguousarray", "atleast_1d", "atleast_2d", "average", "bincount", "ceil", "clip",
    "concatenate", "copy", "corrcoef", "cos", "count_nonzero", "cov", "cross", "cumprod", "cumsum", "diag",
    "diff", "digitize", "divide", "dot", "einsum", "empty_like", "equal", "exp", "expand_dims", "fft.fft",
    "float32", "float64", "floor", "greater", "histogram", "histogram2d", "hstack", "inner", "int64", "interp",
    "isclose", "iscomplex", "isfinite", "isin", "isinf", "isnan", "less", "linalg.norm", "log", "log1p",
    "logical_and", "logical_not", "matmul", "maximum", "median", "meshgrid", "minimum", "multiply",
    "nan_to_num", "nanmean", "nansum", "ones_like", "outer", "pad", "percentile", "power", "ravel", "repeat",
    "reshape", "roll", "round", "searchsorted", "sign", "sin", "sort", "sqrt", "square", "stack", "subtract",
    "take", "tanh", "tile", "trace", "transpose", "tril", "triu", "unique", "vstack", "where", "zeros_like",
))


def numpy_result(args, kwargs):
    """What a numpy function (``np.array(boxes)``, ``np.arange(n)``) returns: an ndarray, a
    number or the like, never a tensor with a graph (a ufunc on a tensor hands back a
    tensor, but one computed outside autograd; a tensor that requires grad is refused).
    No backward goes on from its tensor arguments through it."""
    for v in list(args) + list(kwargs.values()):
        if isinstance(v, Seq):
            v = v.element()
        if isinstance(v, Tensor):
            mark_read(v)
    return UNKNOWN_CONST


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


# the most entries of a dict whose items() are listed one by one (a config or spec dict)
MAX_KNOWN_ENTRIES = 16


def known_entries(d):
    """The (key, value) pairs, in order, of a dict whose every key is known here (no entry
    under an unknown key, no default factory), and that holds something; None otherwise."""
    if d.factory is not None or not d.entries or "?" in d.entries or len(d.entries) > MAX_KNOWN_ENTRIES:
        return None
    return list(d.entries.items())


def _view_item(name, key, value):
    if name == "keys":
        return Const(key)
    return value if name == "values" else Seq(items=[Const(key), value], is_tuple=True)


def mapping_view(name, values, nonempty=False):
    """``.items()``, ``.values()`` or ``.keys()`` of a mapping holding ``values`` (keys unknown)."""
    v = join_all(values) if values else opaque()
    elem = v if name == "values" else UNKNOWN_CONST if name == "keys" else Seq(items=[UNKNOWN_CONST, v], is_tuple=True)
    return Seq(elem=elem, nonempty=nonempty)


def dict_of_pairs(seq):
    """The entries of ``dict(pairs)``: each pair of a known name by that name, the others
    under "?" (keys not known here).  A list not known member by member that keeps its first
    and last pairs (paths made it of different lengths) gives those by name, in order around
    the rest."""
    if seq.items is not None:
        first, rest, last = seq.items, None, []
    else:
        first, rest, last = seq.head or [], seq.middle.elem if seq.middle is not None else seq.elem, \
            seq.tail or []
    entries, unnamed = {}, [rest] if rest is not None else []
    for pair in first:
        _add_pair(entries, unnamed, pair)
    if unnamed:
        entries["?"] = None  # its place in the order: after the known first pairs
    for pair in last:
        if isinstance(pair, Seq) and pair.items is not None and len(pair.items) == 2 and not _named(pair):
            entries[f"?{len(entries)}"] = pair.items[1]  # a last pair of either path: still last
        else:
            _add_pair(entries, unnamed, pair)
    if unnamed:
        entries["?"] = join_all([_second(p) for p in unnamed])
    return entries


def _add_pair(entries, unnamed, pair):
    if _named(pair):
        entries[pair.items[0].value] = pair.items[1]
    else:
        unnamed.append(pair)


def _named(pair):
    key = pair.items[0] if isinstance(pair, Seq) and pair.items is not None and len(pair.items) == 2 else None
    return isinstance(key, Const) and isinstance(key.value, str) and key is not UNKNOWN_CONST


def _second(pair):
    """The value of a pair (or of any of several pairs) not known by name."""
    if isinstance(pair, Seq) and pair.items is not None and len(pair.items) == 2:
        return pair.items[1]
    if isinstance(pair, Seq) and pair.items is None:
        e = pair.element()
        return e if not isinstance(e, Seq) else _second(e)
    return opaque()


NO_KEY = object()  # a dict key not known here


def forget_deleted(interp, target, frame):
    """``del self._made[key]``: the dict holds that key no more (a memo's ``key in`` test
    reads its entries); a key not known here may be any of them."""
    for t in [e.value for e in target.elements] if type(target) in (cst.Tuple, cst.List) else [target]:
        if type(t) is not cst.Subscript or len(t.slice) != 1 or type(t.slice[0].slice) is not cst.Index:
            continue
        base = interp.eval(t.value, frame)
        if isinstance(base, Dict):
            key = dict_key(interp.eval(t.slice[0].slice.value, frame))
            if key is NO_KEY:
                if base.entries:
                    left = join_all(list(base.entries.values()))
                    base.entries.clear()
                    base.entries["?"] = left
            else:
                base.entries.pop(key, None)


def dict_key(v):
    """The key a known constant names in a dict (a string, a number, a flag, None), else NO_KEY."""
    if isinstance(v, Const) and v is not UNKNOWN_CONST and (v.value is None or type(v.value) in (str, int, bool)):
        return v.value
    return NO_KEY


class _Slice:
    """The value of ``slice(a, b)``: which slice is not known, but indexing with it is basic."""

    __slots__ = ()

    def __repr__(self):
        return "SLICE"


A_SLICE = _Slice()
