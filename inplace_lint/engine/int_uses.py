"""Parameters known to hold integer (or bool) tensors by the way the function uses them.

A parameter of unknown dtype may be a floating tensor that requires grad, so an op on it
"may save" something.  But a tensor that the function (or what it calls) passes where torch
refuses a floating tensor -- the ids of an ``nn.Embedding``, a ``nll_loss`` target, an
index (``w[ids]``, ``gather``), a size or slice bound, ``ctc_loss`` lengths -- is integral,
directly or through dtype-keeping ops (``where``, ``masked_fill``, slicing, ``cat``/``stack``,
``clamp``, ``reshape``, arithmetic with ints): such an argument never requires grad.

The scan is syntactic, once per function (and bound instance), and follows the body in order:
each local name maps to the parameters whose dtype it keeps ("origins").  A name assigned
inside a branch or loop is forgotten after it (which definition reached a use is not known),
uses under a test of a dtype or a type do not count, and a function that tests a dtype
(``x.is_floating_point()``, ``x.dtype == ...``) is not scanned.  ``cross_entropy`` targets do
not count: they may be float probabilities of the input's shape.
"""
from __future__ import annotations

import re

import libcst as cst

from .frames import dotted
from .dtypes import size_evidence
from .values import ClassInfo, Func, Obj, Tensor

# how an expression relates to a parameter: it is the parameter itself (of unknown type),
# a tensor computed from it by dtype-keeping ops, or an element of it (a list's item or a
# tensor's row: only a tensor's row keeps the tensor's dtype)
DIRECT, SAME, ELEM = 0, 1, 2
NONE = ({}, {})  # origins of a value and of its elements

_MAX_DEPTH = 3
_DTYPE_TEST = re.compile(r"is_floating_point|is_complex|\.dtype\s*(==|!=|\bin\b|\bnot\b|\bis\b)"
                         r"|(==|!=|\bin\b|\bis\b)\s*[\w.]*\.dtype\b")
_TYPE_TEST = re.compile(r"dtype|is_floating_point|is_complex|isinstance|is_tensor")

# torch functions and the arguments (position, keyword) only an integral tensor may fill
_FUNC_SINKS = {
    "torch.nn.functional.embedding": ((0, "input"),),
    "torch.embedding": ((1, "indices"),),
    "torch.nn.functional.nll_loss": ((1, "target"),),
    "torch.nn.functional.ctc_loss": ((2, "input_lengths"), (3, "target_lengths")),
    "torch.bincount": ((0, "input"),),
    "torch.gather": ((2, "index"),),
    "torch.scatter": ((2, "index"),),
    "torch.scatter_add": ((2, "index"),),
    "torch.scatter_reduce": ((2, "index"),),
    "torch.index_select": ((2, "index"),),
    "torch.take_along_dim": ((1, "indices"),),
}
# torch functions whose positional arguments (and tuples of them) are sizes
_FUNC_SIZES = {"torch.zeros", "torch.ones", "torch.empty", "torch.rand", "torch.randn", "torch.nn.functional.pad"}
_METHOD_SINKS = {
    "gather": 1, "scatter": 1, "scatter_": 1, "scatter_add": 1, "scatter_add_": 1, "scatter_reduce": 1,
    "scatter_reduce_": 1, "index_select": 1, "index_add": 1, "index_add_": 1, "index_copy": 1,
    "index_copy_": 1, "index_fill": 1, "index_fill_": 1, "take_along_dim": 0,
}
# tensor methods whose positional arguments are sizes (ints or tuples of ints)
_METHOD_SIZES = {"view", "reshape", "expand", "repeat", "new_zeros", "new_ones", "new_empty", "narrow"}
_EMBEDDINGS = {"torch.nn.Embedding", "torch.nn.EmbeddingBag", "torch.nn.modules.sparse.Embedding"}

# tensor methods whose result has the receiver's dtype (no dtype= given)
_KEEP_METHODS = {
    "clone", "contiguous", "flatten", "view", "reshape", "view_as", "reshape_as", "expand", "expand_as",
    "repeat", "repeat_interleave", "squeeze", "unsqueeze", "permute", "transpose", "t", "flip", "roll",
    "narrow", "select", "tile", "unfold", "movedim", "clamp", "clip", "clamp_min", "clamp_max", "neg", "abs",
    "masked_fill", "masked_fill_", "detach", "cpu", "cuda", "new_full", "new_zeros", "new_ones", "new_empty",
    "sum", "cumsum", "amax", "amin", "diff", "index_select", "gather", "masked_select", "take_along_dim",
}
_KEEP_BOTH_METHODS = {"add", "sub", "mul", "remainder", "floor_divide", "maximum", "minimum"}
# torch functions: which arguments' dtype the result keeps
_KEEP_FUNCS = {
    "where": (1, 2), "add": (0, 1), "sub": (0, 1), "mul": (0, 1), "remainder": (0, 1), "floor_divide": (0, 1),
    "maximum": (0, 1), "minimum": (0, 1),
}
_KEEP_FIRST_FUNCS = {
    "clamp", "clip", "flatten", "reshape", "squeeze", "unsqueeze", "transpose", "permute", "flip", "roll",
    "narrow", "select", "masked_fill", "repeat_interleave", "tile", "movedim", "abs", "neg", "clone", "sum",
    "cumsum", "amax", "amin", "diff", "index_select", "gather", "take_along_dim", "zeros_like", "ones_like",
    "empty_like", "full_like",
}
_JOIN_FUNCS = {"cat", "concat", "concatenate", "stack", "hstack", "vstack"}
_INT_OPS = (cst.Add, cst.Subtract, cst.Multiply, cst.FloorDivide, cst.Modulo, cst.BitAnd, cst.BitOr,
            cst.BitXor, cst.LeftShift, cst.RightShift)
_EMPTY_MODULE = cst.Module([])


def _merge(*parts):
    out = {}
    for p in parts:
        for name, mode in p.items():
            out[name] = min(mode, out.get(name, ELEM))
    return out


def _meet(parts):
    """What each of several possible values proves (an ``if`` expression, several returns)."""
    if not parts:
        return {}
    out = dict(parts[0])
    for p in parts[1:]:
        out = {n: max(m, p[n]) for n, m in out.items() if n in p}
    return out


def _as_tensor(o):
    """Origins of a value that surely is a tensor computed from them."""
    return {n: SAME if m == DIRECT else m for n, m in o.items()}


def _items_of(o):
    """Origins of an element of a value with origins ``o`` (not a display)."""
    return {n: ELEM if m == DIRECT else m for n, m in o.items()}


def int_params(interp, fnode, bound, depth=0, stack=()):
    """{parameter name: DIRECT | SAME | ELEM}: the parameters of ``fnode`` that only an integral
    tensor can be (an ELEM one: whose items are integral, if it is a tensor)."""
    return summary(interp, fnode, bound, depth, stack)[0]


def summary(interp, fnode, bound, depth=0, stack=()):
    """(int_params, origins of the return value), memoised per function and instance."""
    memo = interp.__dict__.setdefault("_int_uses", {})
    key = (id(fnode), _instance_key(bound))
    got = memo.get(key)
    if got is None:
        if id(fnode) in stack or depth > _MAX_DEPTH or not _has_params(fnode, bound):
            return {}, {}
        scan = _Scan(interp, fnode, bound, depth, stack + (id(fnode),))
        got = (scan.run(), bound)
        memo[key] = got
    return got[0]


def _instance_key(bound):
    """What the scan of a method reads of its instance: the class, and which layers its
    attributes hold (instances built alike share one scan)."""
    if bound is None:
        return None
    layers = tuple((k, v.qual, id(v.cls)) for k, v in bound.attrs.items() if isinstance(v, Obj))
    return id(bound.cls), layers


def _has_params(fnode, bound):
    p = fnode.params
    n = len(p.posonly_params) + len(p.params) + len(p.kwonly_params)
    return n > (1 if bound is not None else 0)


def _cached(interp, node, kind, compute):
    """``compute(node)``, once per node of the analysed code."""
    memo = interp.__dict__.setdefault("_int_uses_nodes", {})
    key = (id(node), kind)
    if key not in memo:
        memo[key] = (compute(node), node)
    return memo[key][0]


def _tests_dtype(node):
    return bool(_DTYPE_TEST.search(_EMPTY_MODULE.code_for_node(node)))


def _tests_type(node):
    return bool(_TYPE_TEST.search(_EMPTY_MODULE.code_for_node(node)))


class _Scan:
    def __init__(self, interp, fnode, bound, depth, stack):
        self.interp, self.fnode, self.bound = interp, fnode, bound
        self.depth, self.stack = depth, stack
        p = fnode.params
        self.params = [q.name.value for q in list(p.posonly_params) + list(p.params) + list(p.kwonly_params)]
        self.env = {n: ({n: DIRECT}, {n: ELEM}) for n in self.params}
        self.found = {}
        self.returns = []
        self.muted = 0  # inside a test of a dtype or a type: uses prove nothing

    def run(self):
        if _cached(self.interp, self.fnode.body, "dtype", _tests_dtype):
            return {}, {}
        self.block(_stmts(self.fnode.body))
        found = {n: m for n, m in self.found.items() if n in self.params}
        returned = _meet(self.returns) if self.returns else {}
        return found, returned

    # --- statements -------------------------------------------------------------------------
    def block(self, stmts):
        for s in stmts:
            self.statement(s)

    def statement(self, s):
        t = type(s)
        if t is cst.SimpleStatementLine or t is cst.SimpleStatementSuite:
            for small in s.body:
                self.small(small)
        elif t is cst.If:
            self.branches(s.test, [s.body] + ([s.orelse] if s.orelse is not None else []), s)
        elif t in (cst.For, cst.While):
            self.loop(s)
        elif t is cst.With:
            for item in s.items:
                self.walk(item.item)
                if item.asname is not None:
                    self.forget(_names_in(item.asname.name))
            self.block(_stmts(s.body))
        elif t is cst.Try:
            self.branches(None, [s.body] + list(s.handlers) + [x for x in (s.orelse, s.finalbody) if x], s)
        else:  # a nested def or class, match, ...: what it binds is unknown here
            self.forget(self.assigned(s))

    def branches(self, test, bodies, s):
        quiet = test is not None and _cached(self.interp, test, "type", _tests_type)
        if test is not None:
            self.walk(test)
        outer = self.env
        self.muted += quiet
        for b in bodies:
            self.env = dict(outer)
            if type(b) is cst.If:  # elif
                self.statement(b)
            else:
                self.block(_stmts(b))
        self.muted -= quiet
        self.env = outer
        self.forget(self.assigned(s))

    def loop(self, s):
        self.forget(self.assigned(s))  # an earlier pass may have reassigned them
        if type(s) is cst.For:
            self.walk(s.iter)
            outer = self.env
            self.env = dict(outer)
            self.bind_iter(s.target, s.iter)
        else:
            self.walk(s.test)
            outer = self.env
            self.env = dict(outer)
        self.block(_stmts(s.body))
        if s.orelse is not None:
            self.block(_stmts(s.orelse))
        self.env = outer

    def small(self, s):
        t = type(s)
        if t is cst.Assign:
            self.walk(s.value)
            value = self.pair(s.value)
            for target in s.targets:
                self.walk_target(target.target)
                self.bind(target.target, value)
        elif t is cst.AnnAssign:
            if s.value is not None:
                self.walk(s.value)
                self.bind(s.target, self.pair(s.value))
        elif t is cst.AugAssign:
            self.walk(s.value)
            self.walk_target(s.target)
            if type(s.target) is cst.Name:
                o = _merge(self.origins(s.target), self.origins(s.value))
                self.env[s.target.value] = (o, _items_of(o))
        elif t is cst.Return:
            if s.value is not None:
                self.walk(s.value)
            self.returns.append(self.origins(s.value) if s.value is not None else {})
        elif t is cst.Expr:
            self.walk(s.value)
        else:
            self.forget(self.assigned(s))
            for c in s.children:
                if isinstance(c, cst.BaseExpression):
                    self.walk(c)

    def assigned(self, node):
        return _cached(self.interp, node, "assigned", _assigned)

    def forget(self, names):
        for n in names:
            self.env[n] = NONE

    # --- binding --------------------------------------------------------------------------------
    def pair(self, e):
        return self.origins(e), self.items(e)

    def bind(self, target, value):
        t = type(target)
        if t is cst.Name:
            self.env[target.value] = value
        elif t in (cst.Tuple, cst.List):
            item = value[1]
            for el in target.elements:
                if type(el) is cst.StarredElement:
                    self.forget(_names_in(el.value))
                else:
                    self.bind(el.value, (item, _items_of(item)))

    def bind_iter(self, target, it):
        """Bind a loop's target to the items of ``it`` (``zip``/``enumerate`` item by item)."""
        head = dotted(it.func) if type(it) is cst.Call else ""
        parts = None
        if head == "zip" and all(a.star == "" and a.keyword is None for a in it.args):
            parts = [self.items(a.value) for a in it.args]
        elif head == "enumerate" and it.args and it.args[0].keyword is None:
            parts = [{}, self.items(it.args[0].value)]
        elif head == "range":
            self.forget(_names_in(target))
            return
        if parts is not None and type(target) in (cst.Tuple, cst.List) and len(target.elements) == len(parts) \
                and not any(type(el) is cst.StarredElement for el in target.elements):
            for el, o in zip(target.elements, parts):
                self.bind(el.value, (o, _items_of(o)))
        elif parts is not None:
            self.forget(_names_in(target))
        else:
            item = self.items(it)
            self.bind(target, (item, _items_of(item)))

    # --- what a value's dtype proves ------------------------------------------------------------
    def origins(self, e):
        """{parameter: mode}: the parameters that are integral when ``e`` is."""
        t = type(e)
        if t is cst.Name:
            return self.env.get(e.value, NONE)[0]
        if t is cst.Attribute:
            return _as_tensor(self.origins(e.value)) if e.attr.value in ("T", "mT", "data") else {}
        if t is cst.Subscript:
            return self.subscript_origins(e)
        if t is cst.Call:
            return self.call_origins(e)
        if t is cst.BinaryOperation:
            if isinstance(e.operator, _INT_OPS):
                return _as_tensor(_merge(self.origins(e.left), self.origins(e.right)))
            return {}
        if t is cst.UnaryOperation:
            if isinstance(e.operator, (cst.Minus, cst.Plus, cst.BitInvert)):
                return _as_tensor(self.origins(e.expression))
            return {}
        if t is cst.IfExp:
            return _meet([self.origins(e.body), self.origins(e.orelse)])
        if t in (cst.List, cst.Tuple, cst.ListComp, cst.GeneratorExp):
            return self.items(e)  # an index or size made of them: each one is integral
        return {}

    def items(self, e):
        """Origins of an element of ``e``."""
        t = type(e)
        if t in (cst.List, cst.Tuple):
            return _merge(*[self.items(el.value) if type(el) is cst.StarredElement else self.origins(el.value)
                            for el in e.elements])
        if t in (cst.ListComp, cst.GeneratorExp):
            return self.in_comprehension(e, lambda: self.origins(e.elt))
        if t is cst.Name:
            return self.env.get(e.value, NONE)[1]
        return _items_of(self.origins(e))

    def subscript_origins(self, e):
        base = self.origins(e.value)
        elems = [el.slice for el in e.slice]
        if len(elems) > 1:
            return _as_tensor(base)  # x[:, 1:]: a tensor (or an array), its rows of its dtype
        if elems and type(elems[0]) is cst.Slice:
            return base  # a slice of a list is a list
        return self.items(e.value)

    def call_origins(self, e):
        args = [a for a in e.args if a.keyword is None and a.star == ""]
        kw = {a.keyword.value: a.value for a in e.args if a.keyword is not None}
        if "dtype" in kw or any(a.star for a in e.args):
            return {}
        func = e.func
        qual = self.interp._resolve_dotted(dotted(func))
        if qual.startswith("torch."):
            short = qual.rsplit(".", 1)[-1]
            if short in _JOIN_FUNCS and args:
                return _as_tensor(self.items(args[0].value))
            if short in ("max", "min") and len(args) == 1 and not kw:
                return _as_tensor(self.origins(args[0].value))
            keep = _KEEP_FUNCS.get(short) or ((0,) if short in _KEEP_FIRST_FUNCS else ())
            return _as_tensor(_merge(*[self.origins(args[i].value) for i in keep if i < len(args)]))
        if type(func) is cst.Attribute and not _is_qual(self.interp, func.value):
            name = func.attr.value
            recv = func.value
            if type(recv) is cst.Name and recv.value == "self":
                return self.own_call_origins(e, args, kw)
            if name in _KEEP_METHODS:
                return _as_tensor(self.origins(recv))
            if name in ("max", "min") and not args and not kw:
                return _as_tensor(self.origins(recv))
            if name in _KEEP_BOTH_METHODS and args:
                return _as_tensor(_merge(self.origins(recv), self.origins(args[0].value)))
            return {}
        if type(func) is cst.Name:
            if func.value == "abs" and len(args) == 1:
                return self.origins(args[0].value)
            return self.own_call_origins(e, args, kw)
        return {}

    # --- the file's own functions ---------------------------------------------------------------
    def callee(self, e):
        """(function node, bound instance, whether the first parameter is the instance) of a
        call of one of the file's functions or methods, or of an embedding layer: "embedding"."""
        func = e.func
        if type(func) is cst.Name:
            v = self.interp.globals.lookup(func.value)
            if isinstance(v, Func) and v.bound is None and v.owner is None:
                return v.node, None
            return None
        if type(func) is cst.Attribute and type(func.value) is cst.Name and func.value.value == "self" \
                and isinstance(self.bound, Obj):
            name = func.attr.value
            attr = self.bound.attrs.get(name)
            if isinstance(attr, Obj):
                if attr.qual in _EMBEDDINGS or attr.cls is not None and attr.cls.known_base in _EMBEDDINGS:
                    return "embedding"
                if attr.cls is not None and attr.is_module:
                    fwd, _ = attr.cls.lookup("forward")
                    return (fwd, attr) if fwd is not None else None
                return None
            if attr is None and isinstance(self.bound.cls, ClassInfo):
                m, _ = self.bound.cls.lookup(name)
                if m is not None and not m.decorators:
                    return m, self.bound
        return None

    def callee_summary(self, e):
        got = self.callee(e)
        if got is None or got == "embedding":
            return got, None, None
        node, bound = got
        found, returned = summary(self.interp, node, bound, self.depth + 1, self.stack)
        p = node.params
        positional = [q.name.value for q in list(p.posonly_params) + list(p.params)]
        if bound is not None:
            positional = positional[1:]
        return node, (found, returned), positional

    def own_call_origins(self, e, args, kw):
        node, facts, positional = self.callee_summary(e)
        if facts is None:
            return {}
        return self.mapped(facts[1], positional, args, kw)

    def mapped(self, facts, positional, args, kw):
        """The caller's origins of what the callee proves of its parameters."""
        out = []
        for name, mode in facts.items():
            arg = kw.get(name)
            if arg is None and name in positional and positional.index(name) < len(args):
                arg = args[positional.index(name)].value
            if arg is None:
                continue
            out.append(self.items(arg) if mode == ELEM else
                       _as_tensor(self.origins(arg)) if mode == SAME else self.origins(arg))
        return _merge(*out)

    # --- where only an integral tensor may go ---------------------------------------------------
    def use(self, e):
        if not self.muted:
            self.found = _merge(self.found, self.origins(e))

    def sizes(self, e):
        """``e`` passed as a size: an int, or a tuple of them."""
        if type(e) in (cst.Tuple, cst.List):
            for el in e.elements:
                if type(el) is not cst.StarredElement:
                    self.use(el.value)
        else:
            self.use(e)

    def walk(self, e):
        """Record the uses of integral tensors in expression ``e``."""
        t = type(e)
        if t in (cst.Lambda,):
            return
        if t in (cst.ListComp, cst.GeneratorExp, cst.SetComp, cst.DictComp):
            self.in_comprehension(e, lambda: [self.walk(c) for c in e.children
                                              if isinstance(c, cst.BaseExpression)])
            return
        if t is cst.NamedExpr:
            self.forget(_names_in(e.target))
        elif t is cst.Call:
            self.call_uses(e)
        elif t is cst.Subscript:
            self.subscript_uses(e)
        for c in e.children:
            if isinstance(c, (cst.BaseExpression, cst.Arg, cst.SubscriptElement, cst.BaseSlice, cst.Element,
                              cst.DictElement, cst.StarredDictElement, cst.BaseFormattedStringContent)):
                self.walk(c)

    def walk_target(self, target):
        if type(target) in (cst.Subscript, cst.Attribute):
            self.walk(target)
        elif type(target) in (cst.Tuple, cst.List):
            for el in target.elements:
                self.walk_target(el.value)

    def subscript_uses(self, e):
        for el in e.slice:
            s = el.slice
            if type(s) is cst.Slice:
                for bound in (s.lower, s.upper, s.step):
                    if bound is not None:
                        self.use(bound)
            elif type(s.value) in (cst.Name, cst.Subscript, cst.Call, cst.BinaryOperation, cst.UnaryOperation):
                self.use(s.value)

    def call_uses(self, e):
        args = [a.value for a in e.args if a.keyword is None and a.star == ""]
        kw = {a.keyword.value: a.value for a in e.args if a.keyword is not None}
        func = e.func
        qual = self.interp._resolve_dotted(dotted(func))
        if qual in _FUNC_SINKS:
            for i, k in _FUNC_SINKS[qual]:
                v = args[i] if i < len(args) else kw.get(k)
                if v is not None:
                    self.use(v)
        elif qual in _FUNC_SIZES:
            for a in (args[1:] if qual.endswith(".pad") else args) + [kw[k] for k in ("pad", "size") if k in kw]:
                self.sizes(a)
        elif qual == "range":
            for a in args:
                self.use(a)
        elif type(func) is cst.Attribute and not _is_qual(self.interp, func.value) \
                and not (type(func.value) is cst.Name and func.value.value == "self"):
            name = func.attr.value
            if name in _METHOD_SINKS and len(args) > _METHOD_SINKS[name]:
                self.use(args[_METHOD_SINKS[name]])
            elif name == "bincount":
                self.use(func.value)
            elif name in _METHOD_SIZES:
                for a in (args if name != "narrow" else args[1:]):
                    self.sizes(a)
        elif type(func) in (cst.Name, cst.Attribute):
            self.own_call_uses(e)

    def own_call_uses(self, e):
        node, facts, positional = self.callee_summary(e)
        args = [a for a in e.args if a.keyword is None and a.star == ""]
        if node == "embedding":
            if args:
                self.use(args[0].value)
            return
        if facts is None or any(a.star for a in e.args):
            return
        kw = {a.keyword.value: a.value for a in e.args if a.keyword is not None}
        if not self.muted:
            self.found = _merge(self.found, self.mapped(facts[0], positional, args, kw))

    def in_comprehension(self, e, then):
        outer = self.env
        self.env = dict(outer)
        try:
            f = e.for_in
            while f is not None:
                self.walk(f.iter)
                self.bind_iter(f.target, f.iter)
                for cond in f.ifs:
                    self.walk(cond.test)
                f = f.inner_for_in
            return then()
        finally:
            self.env = outer


def _stmts(b):
    """The statements of a block (an indented block, a one-line suite, else/except/finally)."""
    if type(b) in (cst.Else, cst.ExceptHandler, cst.Finally):
        b = b.body
    if type(b) is cst.SimpleStatementSuite:
        return [b]
    return b.body


def _is_qual(interp, node):
    """Whether ``node`` names a module or something imported (``torch``, ``F``, ``np``)."""
    d = dotted(node)
    return bool(d) and interp._resolve_dotted(d) != d


def _names_in(target):
    t = type(target)
    if t is cst.Name:
        return [target.value]
    if t in (cst.Tuple, cst.List):
        return [n for el in target.elements for n in _names_in(el.value)]
    if t is cst.StarredElement:
        return _names_in(target.value)
    return []


class _Assigned(cst.CSTVisitor):
    def __init__(self):
        self.names = set()

    def visit_AssignTarget(self, node):
        self.names.update(_names_in(node.target))

    def visit_AugAssign(self, node):
        self.names.update(_names_in(node.target))

    def visit_AnnAssign(self, node):
        self.names.update(_names_in(node.target))

    def visit_For(self, node):
        self.names.update(_names_in(node.target))

    def visit_AsName(self, node):
        self.names.update(_names_in(node.name))

    def visit_NamedExpr(self, node):
        self.names.update(_names_in(node.target))

    def visit_FunctionDef(self, node):
        self.names.add(node.name.value)
        return False

    def visit_ClassDef(self, node):
        self.names.add(node.name.value)
        return False

    def visit_Lambda(self, node):
        return False


def _assigned(node):
    """The names a statement binds (its nested statements included, expressions' ``:=`` not:
    ``walk`` forgets those where it meets them)."""
    names, stack = set(), [node]
    while stack:
        n = stack.pop()
        t = type(n)
        if t in (cst.FunctionDef, cst.ClassDef):
            names.add(n.name.value)
        elif t in (cst.SimpleStatementLine, cst.SimpleStatementSuite):
            for small in n.body:
                names.update(_small_binds(small))
        elif t in (cst.IndentedBlock, cst.Else, cst.Finally):
            stack.extend(n.body if t is cst.IndentedBlock else [n.body])
        elif t in (cst.For, cst.While, cst.If):
            if t is cst.For:
                names.update(_names_in(n.target))
            stack.append(n.body)
            if n.orelse is not None:
                stack.append(n.orelse)
        elif t is cst.With:
            names.update(x for item in n.items if item.asname is not None for x in _names_in(item.asname.name))
            stack.append(n.body)
        elif t is cst.ExceptHandler:
            if n.name is not None:
                names.update(_names_in(n.name.name))
            stack.append(n.body)
        elif t is cst.Try:
            stack.extend([n.body, *n.handlers] + [x for x in (n.orelse, n.finalbody) if x is not None])
        else:  # match, try/except*: rare enough to walk in full
            v = _Assigned()
            n.visit(v)
            names.update(v.names)
    return names


def _small_binds(s):
    t = type(s)
    if t is cst.Assign:
        return [x for target in s.targets for x in _names_in(target.target)]
    if t in (cst.AugAssign, cst.AnnAssign):
        return _names_in(s.target)
    if t in (cst.Global, cst.Nonlocal):
        return [n.name.value for n in s.names]
    if t in (cst.Import, cst.ImportFrom) and not isinstance(s.names, cst.ImportStar):
        return [_names_in(a.asname.name)[0] if a.asname is not None and _names_in(a.asname.name)
                else dotted(a.name).split(".", 1)[0] for a in s.names]
    return []


def mark_int_params(interp, fnode, bound, bound_vars):
    """Make the parameters of ``fnode`` that the body uses as integral tensors integral, where
    a caller's value of unknown origin was bound to them (a known tensor keeps its facts)."""
    for name, mode in int_params(interp, fnode, bound).items():
        v = bound_vars.get(name)
        if isinstance(v, Tensor) and (mode != ELEM or v.kind == "input"):
            size_evidence(v)
