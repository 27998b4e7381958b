"""The constructions of a class that a script makes, for its methods' own analysis.

A method analysed on its own runs on a stand-in instance built with unknown
constructor arguments (``Standalone._standalone_instance``), so every arm of a
constructor option is analysed: ``PCEN(learn_smoothing=True)`` makes the smoother a
Parameter, and the frame-by-frame write into the buffer an error, although the
script only ever builds ``PCEN(..., learn_smoothing=False)``.

In a script (the closed world ``Standalone._entry`` already assumes: nothing imports
it) the program is its module body and its entry points (a module-level function run
with its defaults, or one without parameters).  While they run, every call into the
file's own functions and classes is noted with the call expression and the function
it was made from; each construction also keeps the values its ``__init__``'s
parameters got.  A class counts as built only by the program when

- each mention of its name in the code is a call (its ``class`` line aside: no
  subclass, no ``getattr``/string, no annotation, no ``partial(Cls, ...)``), and each
  of those calls ran in the program;
- each of them was made from code the program alone runs: the module body, an entry
  point, the ``__init__`` of a class built only by the program, or a module-level
  function whose every mention is such a call (checked the same way).

Its stand-in instance then takes, for each constructor parameter, the value every
construction passed when they all passed the same known one (a constant, a function
of the file, a dict of such); any other parameter stays unknown, as before.  Per
parameter, so the stand-in covers every construction made (and more).  Anything else
(a class built with a value the engine does not know, built elsewhere or not at all)
keeps today's unknown arguments.
"""
from __future__ import annotations

import io
import tokenize
from collections import Counter

import libcst as cst

from .values import UNKNOWN_CONST, ClassInfo, Const, Dict, Func, Obj, Qual

MAX_CHAIN = 4  # how many enclosing functions and classes a construction's call is followed through


class Constructions:
    """What the program's run noted (one per interpreter)."""

    def __init__(self):
        self.active = False  # the program (module body, entry points) is running
        self.done = False  # the program's part is over: nothing more is noted
        self.sites: dict = {}  # id(def node) -> {id(call node): the Func it was called from, or None}
        self.values: dict = {}  # id(ClassDef) -> [{param: value}] per construction
        self._memo: dict = {}  # id(def node) -> closed (see _closed)
        self._tokens = None  # (see _mentions)


def note_call(interp, func, node, frame):
    """``func`` was entered from ``node`` with its parameters bound in ``frame``."""
    c = interp.constructions
    if not c.active or c.done or node is None:
        return
    caller = interp.funcs[-1] if interp.funcs else None
    obj = func.bound
    fnode = func.node
    if fnode.name.value == "__init__" and isinstance(obj, Obj) and isinstance(obj.cls, ClassInfo) \
            and obj.ctor_node is node:
        key = id(obj.cls.node)
        params = fnode.params
        named = [p.name.value for p in list(params.posonly_params) + list(params.params)[1:]] + \
                [p.name.value for p in params.kwonly_params]
        c.values.setdefault(key, []).append({n: frame.vars.get(n) for n in named})
    elif func.owner is None and func.closure is None:
        key = id(fnode)
    else:
        return
    c.sites.setdefault(key, {})[id(node)] = caller


def is_root(interp, fnode, owner):
    """A module-level function the program runs as an entry point (with its defaults)."""
    if owner is not None or not _at_top(interp, fnode):
        return False
    p = fnode.params
    if not (p.posonly_params or p.params or p.kwonly_params) and p.star_arg is cst.MaybeSentinel.DEFAULT \
            and p.star_kwarg is None:
        return interp.is_script()
    return interp._entry(fnode)


def bound_arguments(interp, info: ClassInfo):
    """{param: value} for the stand-in instance of ``info``, or None when its constructor's
    arguments stay unknown (see the module docstring)."""
    c = interp.constructions
    built = c.values.get(id(info.node))
    if not built or not interp.is_script() or not _closed(interp, info.node, 0):
        return None
    out = {}
    for name in built[0]:
        v = _same_known([b.get(name) for b in built])
        if v is not None:
            out[name] = v
    return out or None


def _same_known(values):
    first = values[0]
    if not _known(first, 0) or any(not _equal(first, v, 0) for v in values[1:]):
        return None
    return Dict(first.entries, first.factory) if isinstance(first, Dict) else first


def _known(v, depth):
    if isinstance(v, Const):
        # an option (a flag, a name, None), not a size or a rate: a known size makes the own
        # analysis run its loops as the program does, where a path the program takes only with
        # grad off (a frozen backbone) becomes certain, and an option is what picks a hazard's arm
        return v is not UNKNOWN_CONST and type(v.value) in (bool, str, type(None))
    if isinstance(v, Func):
        return v.bound is None and v.closure is None and type(v.node) is cst.FunctionDef
    if isinstance(v, (ClassInfo, Qual)):
        return True
    if isinstance(v, Dict):
        return depth < 2 and v.factory is None and all(
            k != "?" and _known(x, depth + 1) for k, x in v.entries.items())
    return False


def _equal(a, b, depth):
    if type(a) is not type(b):
        return False
    if isinstance(a, Const):
        return b is not UNKNOWN_CONST and type(a.value) is type(b.value) and a.value == b.value
    if isinstance(a, Func):
        return a.node is b.node and _known(b, depth)
    if isinstance(a, ClassInfo):
        return a is b
    if isinstance(a, Qual):
        return a.name == b.name
    if isinstance(a, Dict):
        return a.entries.keys() == b.entries.keys() and _known(b, depth) and \
            all(_equal(x, b.entries[k], depth + 1) for k, x in a.entries.items())
    return False


def _closed(interp, node, depth):
    """Whether every call of the class or function ``node`` (defined at the module's top
    level) is one the program made, from code only the program runs."""
    c = interp.constructions
    key = id(node)
    if key in c._memo:
        return c._memo[key]
    c._memo[key] = False  # (a cycle of calls: not closed)
    got = depth <= MAX_CHAIN and _at_top(interp, node) and _all_calls_seen(interp, node) and \
        all(_caller_closed(interp, f, depth + 1) for f in c.sites[id(node)].values())
    c._memo[key] = got
    return got


def _all_calls_seen(interp, node):
    name = node.name.value
    counts = _mentions(interp)
    if counts is None:
        return False
    total, calls, defs, quoted = counts
    sites = interp.constructions.sites.get(id(node))
    return bool(sites) and defs[name] == 1 and quoted[name] == 0 and \
        total[name] == calls[name] + 1 and len(sites) == calls[name]


def _caller_closed(interp, func, depth):
    if func is None:
        return True  # the module body
    if not isinstance(func, Func) or func.closure is not None:
        return False
    if is_root(interp, func.node, func.owner):
        return True
    if func.owner is None:
        return _closed(interp, func.node, depth)
    # the constructor of a class only the program builds (its other methods may be run by
    # whatever holds the object)
    return func.node.name.value == "__init__" and isinstance(func.owner, ClassInfo) and \
        _closed(interp, func.owner.node, depth)


def _at_top(interp, node):
    return any(s is node for s in interp.module.body)


def _mentions(interp):
    """Per identifier in the code (not comments or prose): its mentions, those followed by
    ``(`` (calls), those after ``def``/``class``, and whole strings equal to it."""
    c = interp.constructions
    if c._tokens is None:
        total, calls, defs, quoted = Counter(), Counter(), Counter(), Counter()
        text = interp.source if interp.source is not None else interp.module.code
        try:
            toks = [t for t in tokenize.generate_tokens(io.StringIO(text).readline)
                    if t.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE,
                                      tokenize.INDENT, tokenize.DEDENT)]
        except (tokenize.TokenError, SyntaxError):
            toks = None
        if toks is None:
            c._tokens = False  # (nothing is closed in a file that does not tokenize)
            return None
        for i, t in enumerate(toks):
            if t.type == tokenize.NAME:
                total[t.string] += 1
                if i and toks[i - 1].string in ("def", "class"):
                    defs[t.string] += 1
                elif i + 1 < len(toks) and toks[i + 1].string == "(":
                    calls[t.string] += 1
            elif t.type == tokenize.STRING:
                quoted[t.string.strip("'\"")] += 1
        c._tokens = (total, calls, defs, quoted)
    return c._tokens or None
