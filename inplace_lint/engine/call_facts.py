"""How the knowledge's per-call facts apply to the arguments of one call.

Pure functions over abstract values (no interpreter state): which overload the
arguments pick and what it saves, whether the arguments that trigger a write were
given, where an argument is written in the call.
"""
from __future__ import annotations

import re

import libcst as cst

from .values import PLAIN_TYPES, UNKNOWN_CONST, Const, Tensor


def arg_kind(v):
    """How an argument picks an op's overload: "number" (a Python value that is not
    a tensor: torch calls the Scalar overload), "tensor", or "unknown" (a parameter
    or opaque value that may be either)."""
    if isinstance(v, Const):
        return "number"
    if isinstance(v, Tensor):
        return "unknown" if v.kind in ("arg", "opaque") else "tensor"
    return "unknown"


_INDEX: dict = {}  # id(spec) -> (spec, _Overloads): the knowledge lives as long as the process


class _Overloads:
    """A spec's overload entries sorted by kind, once per op (calls are many, ops few)."""

    __slots__ = ("numbers", "tensors", "strings", "int_slots")

    def __init__(self, entries):
        self.numbers = [o for o in entries if "numbers" in o]
        self.tensors = [o for o in entries if "tensors" in o]
        self.strings = [o for o in entries if "string" in o]
        self.int_slots = frozenset(n for o in self.numbers if o.get("ints") for n in o["numbers"]) - {
            n for o in self.numbers if not o.get("ints") for n in o["numbers"]}


def _overloads(spec):
    got = _INDEX.get(id(spec))
    if got is None or got[0] is not spec:
        got = _INDEX[id(spec)] = (spec, _Overloads(spec.get("overloads") or ()))
    return got[1]


def overload_saves(spec, bound):
    """(saves, unsure) for the overload the bound arguments pick.  The knowledge's
    "overloads" say what an op saves when some parameters are Python numbers
    (pow(x, 2.0) keeps only x; pow(x, y) also y and its result) or when exactly
    some are tensors (min(x, y) is minimum: keeps x and y, not its result).  A
    parameter of unknown kind may take either overload: what only the other
    overload saves is then a possible save (unsure), never a certain one."""
    saves = list(spec.get("saves") or ())
    ix = _overloads(spec)
    unsure = set()
    best = None
    for o in ix.numbers:
        kinds = [arg_kind(bound[n]) if n in bound else "tensor" for n in o["numbers"]]
        if "tensor" in kinds or o.get("ints") and any(_not_int(bound.get(n)) for n in o["numbers"]):
            continue
        sure = "unknown" not in kinds
        key = (sure, len(o["numbers"]))
        if best is None or key > best[0]:
            best = (key, o)
    if best is not None:
        (sure, _), o = best
        if sure:
            saves = [w for w in saves if w in o["saves"]]
        else:
            unsure = {w for w in saves if w not in o["saves"]}
    if ix.tensors:
        # a slot whose only number overload takes an int holds a tensor when its value
        # cannot be an int (min(a, 9.0 - k): a float or a tensor, and a float is no dim)
        # and the op's first argument, a value that may be a tensor, is one (as apply_op takes it)
        params = spec.get("params") or ()
        sure = {n for n in ix.int_slots if _not_int(bound.get(n))} | set(params[:1])
        for o in ix.tensors:
            fit = _exactly_tensors(o["tensors"], bound, sure)
            if fit is True:
                saves = [w for w in saves if w in o["saves"]]
            elif fit is None:
                unsure |= {w for w in saves if w not in o["saves"]}
    if ix.strings:
        saves = _string_saves(spec, bound, saves)
    return saves, unsure & set(saves)


def _string_entries(spec, bound):
    """The entries a known string argument picks (F.pad(x, p) is mode "constant":
    keeps nothing; mode="reflect": its input).  An argument left out has the op's default."""
    defaults = spec.get("string_defaults") or {}
    for o in _overloads(spec).strings:
        param, value = o["string"]
        v = bound.get(param)
        if v is None:
            known = defaults.get(param)
        elif isinstance(v, Const) and v is not UNKNOWN_CONST and isinstance(v.value, str):
            known = v.value
        else:
            continue
        if known == value:
            yield o


def _string_saves(spec, bound, saves):
    for o in _string_entries(spec, bound):
        saves = [w for w in saves if w in o["saves"]]
    return saves


def string_unsure(spec, bound):
    """Names whose saving depends on a string argument whose value is not known here
    (``F.pad(x, p, mode=self.mode)``: "reflect" keeps the input, "constant" does not)."""
    by_param: dict = {}
    for o in _overloads(spec).strings:
        by_param.setdefault(o["string"][0], []).append(set(o["saves"]))
    out = set()
    for param, options in by_param.items():
        v = bound.get(param)
        if v is None or isinstance(v, Const) and v is not UNKNOWN_CONST:
            continue  # the default, a known string (string_certain) or a number (the plain samples)
        out |= set.union(*options) - set.intersection(*options)
    return out


def default_certain(spec, bound, extra=False):
    """Names the knowledge's "saves_by_default" says are surely kept when the call
    passes tensors only, every optional number/string argument at its default
    (F.smooth_l1_loss(x, y) keeps x: its default beta=1.0 does, beta=0 does not).
    extra: the call passes more than its parameters say (``*args``, surplus
    positionals).  A value of unknown kind counts as a tensor only in a slot
    the op takes tensors in (its first, a saved one, one whose grad makes it save)."""
    names = spec.get("saves_by_default")
    if not names or extra:
        return set()
    params = spec.get("params") or ()
    tensor_slots = set(params[:1]) | set(spec.get("saves") or ()) | {
        p for ps in (spec.get("saved_for") or {}).values() for p in ps}
    for p, v in bound.items():
        if not isinstance(v, Tensor) or arg_kind(v) == "unknown" and p not in tensor_slots:
            return set()  # a number, string, flag or None given, or maybe one
    return set(names)


def value_certain(spec, bound, extra=False):
    """Names the knowledge's "saves_unless" says are surely kept here: each parameter
    whose values explained every measured sample that kept nothing is left out, given
    a known plain value outside those, or given a tensor (F.smooth_l1_loss(x, y,
    beta=1/9, reduction="none") keeps x; beta=0 keeps nothing)."""
    unless = spec.get("saves_unless")
    if not unless or extra:
        return set()
    return {name for name, reasons in unless.items()
            if all(_outside(bound.get(p), values) for p, values in reasons.items())}


def returns_input(spec, bound):
    """Whether a known argument value makes the op return its input object itself, as
    every measured sample with that value did (the knowledge's "alias_when":
    F.dropout(h, 0.0) is h, and so is F.dropout(h, p, training=False))."""
    for param, values in (spec.get("alias_when") or {}).items():
        v = bound.get(param)
        if isinstance(v, Const) and v is not UNKNOWN_CONST and any(
                v.value == w and (type(v.value) is bool) == (type(w) is bool) for w in values):
            return True
    return False


def _outside(v, values):
    if v is None:
        return True  # left out: every sample that kept nothing passed it
    if isinstance(v, Const):
        known = v is not UNKNOWN_CONST and type(v.value) in PLAIN_TYPES
        return known and v.value not in values
    return isinstance(v, Tensor) and arg_kind(v) == "tensor"


def string_certain(spec, bound):
    """Names a known string argument says are kept: their value-dependence is
    settled (F.pad with mode="reflect" surely keeps its input)."""
    out = set()
    for o in _string_entries(spec, bound):
        out |= set(o["saves"])
    return out


def _exactly_tensors(listed, bound, sure):
    """Whether exactly the ``listed`` parameters are tensors: True, False, or None
    (an argument of unknown kind may be a tensor or a number).  ``sure``: parameters
    whose value, if it may be a tensor, is one."""
    kinds = [("tensor" if n in sure and isinstance(bound[n], Tensor) else arg_kind(bound[n]))
             if n in bound else "number" for n in listed]
    others = [arg_kind(v) for k, v in bound.items() if k not in listed and isinstance(v, Tensor)]
    if "number" in kinds or "tensor" in others:
        return False
    return None if "unknown" in kinds + others else True


def _not_int(v):
    """A value that cannot be a Python int: a float, or floating arithmetic on
    something of unknown kind (``9.0 - k``: a float or a floating tensor)."""
    if isinstance(v, Const):
        return type(v.value) is float
    return isinstance(v, Tensor) and v.dtype == "float"


def bind_keyword(spec, name):
    """The parameter a keyword argument fills: its own name, or the positional slot
    another overload calls so ("keywords": torch.min(x, other=y) fills "dim")."""
    params = spec.get("params") or ()
    if name in params:
        return name
    return (spec.get("keywords") or {}).get(name, name)


def forward_arg(spec, what, args, kwargs):
    """The argument a module call passed for its forward() parameter ``what`` (nn.LSTMCell's
    "hx", a loss's "target", attention's "key"), by keyword or by its position among the
    knowledge's "forward_params"; None when not passed."""
    if what in kwargs:
        return kwargs[what]
    params = spec.get("forward_params") or ()
    i = params.index(what) if what in params else None
    return args[i] if i is not None and i < len(args) else None


FORWARD_WRITES = "__forward_writes__"  # Obj.attrs key: {attr: (certain, trigger args)}
RETURNS_INPUT = "__returns_input__"  # Obj.attrs key: the module's forward returns its input (Dropout(0.0))


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
    if type(call) is not cst.Call:
        return None
    kw = kwarg_node(call, name)
    if kw is not None:
        return kw
    i = params.index(name) if name in params else -1
    pos = [a for a in call.args if a.keyword is None and not a.star]
    return pos[i].value if 0 <= i < len(pos) else None


def kwarg_node(call, name):
    """The expression passed as keyword ``name`` in a call, if any."""
    if type(call) is cst.Call:
        for a in call.args:
            if a.keyword is not None and a.keyword.value == name:
                return a.value
    return None


def registered_name(arg, call):
    """The attribute ``register_buffer(name, t)`` / ``add_module(name, m)`` binds: a
    constant name, an f-string's template (see template_name), or None (unknown)."""
    if isinstance(arg, Const) and arg is not UNKNOWN_CONST:
        return str(arg.value)
    return template_name(call)


def template_name(call):
    """``register_buffer(f"kernel_{i}", t)``: the name as written (``kernel_{}``), kept as
    one attribute that ``getattr(self, f"kernel_{j}")`` finds by its pattern (the names
    it stands for are not known one by one); None when the name is no f-string."""
    if type(call) is not cst.Call or not call.args or type(call.args[0].value) is not cst.FormattedString:
        return None
    text = "".join(p.value if type(p) is cst.FormattedStringText else "{}" for p in call.args[0].value.parts)
    return text if text.replace("{}", "") else None


def name_pattern(node):
    """A regular expression for the strings an f-string (``f"bias_hh_l{i}"``) can
    make: its constant parts, anything in between; None for other expressions."""
    if type(node) is not cst.FormattedString or not node.parts:
        return None
    parts = [re.escape(p.value) if type(p) is cst.FormattedStringText else ".+" for p in node.parts]
    if not any(type(p) is cst.FormattedStringText and p.value for p in node.parts):
        return None  # f"{name}": any attribute at all
    return re.compile("".join(parts), re.DOTALL)
