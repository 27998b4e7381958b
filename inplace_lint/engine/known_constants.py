"""What the parts of a branch test are when they are known constants: a flag the
constructor stored (``self.mode``), a literal, a caller's constant argument, a small
tuple of them, the length of a known list, int arithmetic on them, and a pure ``str``
method of a known string (``name.startswith("encoder.")``, ``name.split(".")[0]``: a
filter over a small model's ``named_parameters()``).  ``compare_constants`` decides a
comparison of two such parts."""
from __future__ import annotations

import operator

import libcst as cst

from .dtype_tests import dtype_test
from .project.hooks import resolve_value
from .pyobjects import dict_entries
from .ranks import rank_in_test
from .values import PLAIN_TYPES, UNKNOWN_CONST, ClassInfo, Const, Dict, Func, Obj, Qual, Seq


def attr_value(node, frame, _depth=0):
    """What ``a.b.c`` holds, read from the objects' attributes without running
    anything (no property, no call); None when not known."""
    if type(node) is cst.Name:
        return frame.lookup(node.value)
    if type(node) is cst.Attribute and _depth < 4:
        base = attr_value(node.value, frame, _depth + 1)
        entries = dict_entries(base)
        if entries is not None and node.attr.value not in base.attrs and base.cls.lookup("__getattr__")[0]:
            return entries.entries.get(node.attr.value)  # an attribute dict: cfg.loss
        if isinstance(base, Obj):
            got = base.attrs.get(node.attr.value)
            if got is None and isinstance(base.cls, ClassInfo) and node.attr.value not in base.cls.methods:
                got = base.cls.class_attr(node.attr.value)  # ``scale = 1.0`` in the class body
            return got
    if type(node) is cst.Subscript and _depth < 4 and len(node.slice) == 1 and \
            type(node.slice[0].slice) is cst.Index:
        # ``self.cfg["mode"]``: an entry of a dict built from literals
        base = attr_value(node.value, frame, _depth + 1)
        base = dict_entries(base) or base  # a dict subclass's instance
        key = node.slice[0].slice.value
        if isinstance(base, Dict) and type(key) is cst.SimpleString and key.prefix == "":
            return base.entries.get(key.raw_value)
    return None


_PLAIN = PLAIN_TYPES
_CONST_OPS = {cst.Equal: lambda a, b: a == b, cst.NotEqual: lambda a, b: a != b,
              cst.In: lambda a, b: a in b, cst.NotIn: lambda a, b: a not in b,
              cst.Is: lambda a, b: a is b if b is None or a is None else None,
              cst.IsNot: lambda a, b: a is not b if b is None or a is None else None,
              # sizes and thresholds from the caller (``prob_floor > 0``); a TypeError is "not decided"
              cst.LessThan: lambda a, b: a < b, cst.LessThanEqual: lambda a, b: a <= b,
              cst.GreaterThan: lambda a, b: a > b, cst.GreaterThanEqual: lambda a, b: a >= b}


def _project_constant(interp, v):
    """A qualified name of the checked project (``Act.RELU`` of a class imported from
    another module) as the value it is bound to there."""
    if isinstance(v, Qual) and interp.project is not None:
        return resolve_value(interp, v)
    return v


def constant_value(interp, node, frame):
    """The Python value of a name bound to a known constant, a literal, or a
    tuple/list/set of those; ``_NO`` when it is not known for certain."""
    if type(node) in _LITERALS:
        v = frame.lookup(node.value) if type(node) is cst.Name else interp.eval(node, frame)
        if type(node) is cst.Name and v is None and node.value in ("True", "False", "None"):
            v = interp.eval(node, frame)
        v = _project_constant(interp, v)
        if isinstance(v, Const) and v is not UNKNOWN_CONST and type(v.value) in _PLAIN:
            if isinstance(v.value, str) and "\\" in v.value:
                return _NO  # escapes are kept as written: the text may differ from the value
            return v.value
        return _NO
    rank = rank_in_test(node, frame.lookup)  # ``x.ndim``, ``len(x.shape)`` of a tensor of known rank
    if rank is not None:
        return rank
    if type(node) is cst.Subscript:
        got = _item(interp, node, frame)
        if got is not _NO:
            return got
    if type(node) in _ACCESSES:
        # ``self.activation == 'relu'``: a flag the constructor stored from a constant
        v = attr_value(node, frame)
        if v is None and type(node) is cst.Attribute:
            base = attr_value(node.value, frame)
            v = Qual(base.name + "." + node.attr.value) if isinstance(base, Qual) else None  # Act.RELU
        v = _project_constant(interp, v)
        if isinstance(v, Const) and v is not UNKNOWN_CONST and type(v.value) in _PLAIN and not (
                isinstance(v.value, str) and "\\" in v.value):
            return v.value
        return _NO
    if type(node) is cst.Call and type(node.func) is cst.Attribute and node.func.attr.value in STR_METHODS:
        return _str_method(interp, node, frame)
    if type(node) is cst.BinaryOperation and type(node.operator) in INT_OPS:
        # ``len(widths) - 2``: arithmetic on known ints
        left, right = constant_value(interp, node.left, frame), constant_value(interp, node.right, frame)
        if type(left) is int and type(right) is int:
            return INT_OPS[type(node.operator)](left, right)
        if type(node.operator) is cst.Add and type(left) is str and type(right) is str:
            return left + right  # ``self.prefix + "."``
        return _NO
    if type(node) is cst.Call and type(node.func) is cst.Name and node.func.value == "len" and \
            frame.lookup("len") is None and len(node.args) == 1 and not node.args[0].star and \
            type(node.args[0].value) in (cst.Name, cst.Attribute):
        # the length of a list or tuple whose members are known (a caller's literal list), or
        # of a ModuleList (``i < len(self.layers) - 1`` in a loop over the layers)
        arg = node.args[0].value
        v = frame.lookup(arg.value) if type(arg) is cst.Name else attr_value(arg, frame)
        if isinstance(v, Seq) and v.items is not None and v.tail is None or \
                isinstance(v, Obj) and v.items is not None and v.is_module:
            return len(v.items)
        return _NO
    if type(node) in _DISPLAYS:
        items = [constant_value(interp, el.value, frame) if type(el) is cst.Element else _NO
                 for el in node.elements]
        return _NO if any(i is _NO for i in items) else tuple(items)
    return _NO


def _same_function(left, right, frame):
    """``self.synth is mix_with_query``: for two functions of the code (defs, not lambdas),
    whether they are one; None when either side is not one known function."""
    def func(node):
        v = frame.lookup(node.value) if type(node) is cst.Name else \
            attr_value(node, frame) if type(node) is cst.Attribute else None
        return v.node if isinstance(v, Func) and type(getattr(v, "node", None)) is cst.FunctionDef else None
    a, b = func(left), func(right)
    return None if a is None or b is None else a is b


_NO = object()
# int arithmetic the engine works out on known ints (sizes, loop bounds): one table for
# branch tests and expressions
INT_OPS = {cst.Add: operator.add, cst.Subtract: operator.sub, cst.Multiply: operator.mul}

# Node kinds tested by exact type: libcst's node classes are ABCs, so isinstance() on a node of
# another kind runs ABCMeta.__instancecheck__ (2.7M calls on timm); none of these classes has
# a subclass (tests/test_speed_identities.py checks it), so the type test answers the same.
_LITERALS = frozenset({cst.Name, cst.SimpleString, cst.Integer, cst.Float, cst.FormattedString})
_ACCESSES = frozenset({cst.Attribute, cst.Subscript})
_DISPLAYS = frozenset({cst.Tuple, cst.List, cst.Set})
_IDENTITY = frozenset({cst.Is, cst.IsNot})
_MEMBERSHIP = frozenset({cst.In, cst.NotIn})
_NAMED = frozenset({cst.Name, cst.Attribute})


def compare_constants(interp, test, frame):
    """``mode == "mean"``, ``reduce in ("min", "max")``, ``flag is None`` with both sides
    known constants: whether it holds (None when not decided).  A caller passing
    ``reduce="mean"`` rules out the other reductions' branches."""
    comp = test.comparisons[0]
    fn = _CONST_OPS.get(type(comp.operator))
    if fn is None:
        return None
    got = dtype_test(interp, test, frame)  # ``x.dtype == torch.uint8`` of a tensor of known dtype
    if got is not None:
        return got
    if type(comp.operator) in _IDENTITY:
        same = _same_function(test.left, comp.comparator, frame)
        if same is not None:
            return same == (type(comp.operator) is cst.Is)
    left = constant_value(interp, test.left, frame)
    if left is _NO:
        return None
    right = constant_value(interp, comp.comparator, frame)
    if right is _NO and type(comp.operator) in _MEMBERSHIP and \
            type(comp.comparator) in _NAMED:
        held = attr_value(comp.comparator, frame)
        if _stored_key(held, left):
            # ``key in self._made`` after ``self._made[key] = ...``: a memo's entry is there
            return type(comp.operator) is cst.In
        right = _constants(held)  # ``name in self.names``
    if right is _NO:
        return None
    if type(comp.operator) in _MEMBERSHIP and not isinstance(right, (tuple, str)):
        return None
    try:
        return fn(left, right)
    except TypeError:
        return None


# methods of ``str`` that compute from the string and their arguments only
STR_METHODS = frozenset({"startswith", "endswith", "split", "rsplit", "partition", "rpartition", "lower", "upper",
                         "strip", "lstrip", "rstrip", "replace", "removeprefix", "removesuffix", "count", "find",
                         "rfind", "isdigit", "isnumeric"})


def _stored_key(v, key):
    """A dict that holds an entry under this known key (stored by a known key, not "?")."""
    try:
        return isinstance(v, Dict) and key != "?" and key in v.entries
    except TypeError:  # an unhashable constant
        return False


def _constants(v):
    """A list, tuple or set of known constants held by a name or attribute, as a tuple
    (``name in self.names`` with ``self.names = set(names)`` from a caller's literal list);
    else ``_NO``."""
    if not isinstance(v, Seq) or v.items is None or v.tail is not None or len(v.items) > 64:
        return _NO
    out = []
    for i in v.items:
        if not isinstance(i, Const) or i is UNKNOWN_CONST or type(i.value) not in _PLAIN or (
                isinstance(i.value, str) and "\\" in i.value):
            return _NO
        out.append(i.value)
    return tuple(out)


def _str_method(interp, call, frame):
    """``name.startswith("encoder.")`` on a known string, with known arguments."""
    if any(a.keyword is not None or a.star for a in call.args):
        return _NO
    base = constant_value(interp, call.func.value, frame)
    if not isinstance(base, str):
        return _NO
    args = [constant_value(interp, a.value, frame) for a in call.args]
    if any(a is _NO for a in args):
        return _NO
    try:
        out = getattr(str, call.func.attr.value)(base, *args)
    except (TypeError, ValueError):
        return _NO
    return tuple(out) if isinstance(out, list) else out


def _item(interp, node, frame):
    """``name.split(".")[0]``: an item of a known string or tuple at a known index."""
    if len(node.slice) != 1 or type(node.slice[0].slice) is not cst.Index:
        return _NO
    index = node.slice[0].slice.value
    negative = type(index) is cst.UnaryOperation and type(index.operator) is cst.Minus
    if negative:
        index = index.expression
    if type(index) is not cst.Integer:
        return _NO
    base = constant_value(interp, node.value, frame)
    if not isinstance(base, (str, tuple)):
        return _NO
    k = int(index.value.replace("_", ""), 0)
    k = -k if negative else k
    return base[k] if -len(base) <= k < len(base) else _NO
