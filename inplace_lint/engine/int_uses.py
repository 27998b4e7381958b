"""Parameters a function can only ever get as integer (or bool) tensors, read from how it uses
them: as an index (``x[ids]``, ``gather(..., index)``, an ``nn.Embedding``'s input), as a pad
amount or a ``range`` bound; directly or through what keeps an integer dtype (``lens.max()``,
``torch.stack([a, b])``, ``lens - 1``, ``torch.minimum(a, b, out=idx)``).  A floating tensor there
raises before any backward, so on every path that reaches a backward the parameter never
requires grad and no op keeps anything because of it (``torch.where(mask, ids, -1)`` keeps no
mask; ``torch.minimum(steps, lens)`` keeps no ``steps``).

Read from the function's own text, once per function: a name counts only where every binding
of it is a plain assignment of such a dtype-keeping expression (a name bound by a loop, a tuple
unpacking or anything else says nothing)."""
from __future__ import annotations

import re

import libcst as cst

from .frames import dotted
from .values import Tensor

# method or function name -> positions of the index among (receiver-less) arguments: for
# ``torch.gather(x, 1, idx)`` the index is third; for ``x.gather(1, idx)`` second
_INDEX_ARG = {
    "gather": 2, "scatter": 2, "scatter_": 2, "scatter_add": 2, "scatter_add_": 2, "scatter_reduce": 2,
    "scatter_reduce_": 2, "index_add": 2, "index_add_": 2, "index_copy": 2, "index_copy_": 2,
    "index_fill": 2, "index_fill_": 2, "index_select": 2, "take": 1, "take_along_dim": 1,
}
_FIRST_INT = {"embedding", "one_hot", "bincount"}  # F.embedding(ids, weight), F.one_hot(labels)
_MASK = {"masked_fill": 1, "masked_fill_": 1}

# methods whose integer result means an integer receiver (no tuple result, no dtype change)
_KEEP_METHODS = {
    "reshape", "view", "flatten", "squeeze", "unsqueeze", "t", "transpose", "permute", "contiguous",
    "clone", "detach", "expand", "expand_as", "repeat", "flip", "roll", "narrow", "select", "sum",
    "cumsum", "abs", "neg", "clamp", "clamp_min", "clamp_max", "masked_fill", "cpu", "cuda",
    "new_zeros", "new_ones", "new_full", "new_empty", "unflatten", "movedim",
}
_ARGLESS_ONLY = {"max", "min"}  # with a dim they return (values, indices)
# torch functions whose integer result means integer tensor arguments (type promotion)
_KEEP_FUNCS_ALL = {"minimum", "maximum", "fmin", "fmax", "remainder", "add", "sub", "mul"}
_KEEP_FUNCS_FIRST = {"reshape", "flatten", "squeeze", "unsqueeze", "transpose", "clamp", "abs", "neg",
                     "zeros_like", "ones_like", "full_like", "empty_like", "clone", "sum", "cumsum"}
_KEEP_FUNCS_LIST = {"stack", "cat", "concat", "concatenate", "hstack", "vstack"}
_KEEP_OPS = (cst.Add, cst.Subtract, cst.Multiply, cst.FloorDivide, cst.Modulo, cst.BitAnd, cst.BitOr,
             cst.BitXor, cst.LeftShift, cst.RightShift)


def as_integer(v: Tensor) -> Tensor:
    """The same tensor (each member of a group), known to be integer: it never requires grad."""
    members = [as_integer(m) if m.dtype is None else m for m in v.members] if v.members else v.members
    return v.copy(dtype="int", rg=False, members=members)


def integer_params(interp, fnode: cst.FunctionDef) -> frozenset:
    """The names of ``fnode``'s parameters that only integer tensors can reach (cached per function)."""
    cache = interp.__dict__.setdefault("_integer_params", {})
    got = cache.get(id(fnode))
    if got is None:
        got = cache[id(fnode)] = _integer_params(interp, fnode)
    return got


def _integer_params(interp, fnode):
    params = {p.name.value for p in (*fnode.params.posonly_params, *fnode.params.params,
                                     *fnode.params.kwonly_params)}
    if not params or type(fnode.body) is not cst.IndentedBlock:
        return frozenset()
    uses = _Uses(_embedding_attrs(interp))
    fnode.body.visit(uses)
    if not uses.seeds:
        return frozenset()
    found, seen = set(), set()
    todo = [n for e in uses.seeds for n in _names(e)]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        defs = uses.defs.get(name, [])
        if any(d is None for d in defs):
            continue  # bound by a loop, an unpacking, a with: its values say nothing
        if name in params:
            found.add(name)
        for d in defs:
            todo.extend(_names(d))
    return frozenset(found)


def _names(expr, depth=0):
    """The names whose values an integer ``expr`` shows to be integer (as far as read)."""
    if depth > 8:
        return []
    t = type(expr)
    if t is cst.Name:
        return [expr.value]
    if t is cst.Subscript:
        return _names(expr.value, depth + 1)
    if t is cst.UnaryOperation:
        return _names(expr.expression, depth + 1)
    if t is cst.BinaryOperation and isinstance(expr.operator, _KEEP_OPS):
        return _names(expr.left, depth + 1) + _names(expr.right, depth + 1)
    if t is not cst.Call:
        return []
    kws = {a.keyword.value for a in expr.args if a.keyword is not None}
    if "dtype" in kws or any(a.star for a in expr.args):
        return []
    func = expr.func
    positional = [a.value for a in expr.args if a.keyword is None]
    if type(func) is cst.Attribute:
        name = func.attr.value
        owner = dotted(func.value)
        if owner in ("torch", "th"):
            if name in _KEEP_FUNCS_ALL:
                return [n for a in positional[:2] for n in _names(a, depth + 1)]
            if name in _KEEP_FUNCS_FIRST and positional:
                return _names(positional[0], depth + 1)
            if name in _KEEP_FUNCS_LIST and positional and type(positional[0]) in (cst.List, cst.Tuple):
                return [n for el in positional[0].elements for n in _names(el.value, depth + 1)]
            if name == "where" and len(positional) == 3:
                return _names(positional[1], depth + 1) + _names(positional[2], depth + 1)
            return []
        if name in _KEEP_METHODS or name in _ARGLESS_ONLY and not expr.args:
            return _names(func.value, depth + 1)
    return []


class _Uses(cst.CSTVisitor):
    """The expressions used where only an integer tensor goes, and every binding of each name
    (an expression, or None for a binding that is not a plain assignment)."""

    def __init__(self, embedding_attrs):
        self.seeds = []
        self.defs = {}
        self.embedding_attrs = embedding_attrs

    def _bind(self, target, value):
        if type(target) is cst.Name:
            self.defs.setdefault(target.value, []).append(value)
        elif type(target) in (cst.Tuple, cst.List):
            for el in target.elements:
                self._bind(el.value, None)
        elif type(target) is cst.StarredElement:
            self._bind(target.value, None)

    def visit_FunctionDef(self, node):
        return False  # (a nested function's names are its own)

    def visit_Lambda(self, node):
        return False

    def visit_ClassDef(self, node):
        return False

    def visit_Assign(self, node):
        for t in node.targets:
            self._bind(t.target, node.value if type(t.target) is cst.Name else None)

    def visit_AnnAssign(self, node):
        self._bind(node.target, node.value)

    def visit_AugAssign(self, node):
        # ``n += 1`` keeps an integer tensor's dtype (and a float added into it raises)
        if type(node.target) is cst.Name:
            self.defs.setdefault(node.target.value, []).append(node.target)

    def visit_For(self, node):
        self._bind(node.target, None)

    def visit_CompFor(self, node):
        self._bind(node.target, None)

    def visit_WithItem(self, node):
        if node.asname is not None:
            self._bind(node.asname.name, None)

    def visit_NamedExpr(self, node):
        self._bind(node.target, None)

    def visit_ExceptHandler(self, node):
        if node.name is not None:
            self._bind(node.name.name, None)

    def visit_Import(self, node):
        return False

    def visit_ImportFrom(self, node):
        return False

    def visit_Global(self, node):
        for n in node.names:
            self._bind(n.name, None)

    def visit_Nonlocal(self, node):
        for n in node.names:
            self._bind(n.name, None)

    def visit_Subscript(self, node):
        for el in node.slice:
            if type(el.slice) is cst.Index:
                self.seeds.append(el.slice.value)

    def visit_Call(self, node):
        func = node.func
        positional = [a.value for a in node.args if a.keyword is None and not a.star]
        keyword = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
        name = func.attr.value if type(func) is cst.Attribute else func.value if type(func) is cst.Name else None
        if name is None:
            return
        on_module = type(func) is cst.Attribute and dotted(func.value) in ("torch", "F", "th", "nn.functional",
                                                                          "torch.nn.functional")
        shift = 1 if on_module or type(func) is cst.Name else 0  # the input comes first in a function
        if name in _INDEX_ARG:
            at = _INDEX_ARG[name] - 1 + shift
            self._seed(keyword.get("index", keyword.get("indices")), positional, at)
        elif name in _MASK:
            self._seed(keyword.get("mask"), positional, _MASK[name] - 1 + shift)
        elif name in _FIRST_INT and (on_module or type(func) is cst.Name):
            self._seed(keyword.get("input"), positional, 0)
        elif name == "pad" and (on_module or type(func) is cst.Name):
            amounts = keyword.get("pad", positional[1] if len(positional) > 1 else None)
            if type(amounts) in (cst.Tuple, cst.List):
                self.seeds.extend(el.value for el in amounts.elements if type(el) is cst.Element)
        elif name == "range" and type(func) is cst.Name:
            self.seeds.extend(positional)
        elif type(func) is cst.Attribute and dotted(func.value) == "self" and name in self.embedding_attrs:
            self._seed(keyword.get("input"), positional, 0)
        # ``torch.minimum(a, b, out=idx)`` binds ``idx`` to what it computes
        out = keyword.get("out")
        if type(out) is cst.Name:
            self.defs.setdefault(out.value, []).append(
                node.with_changes(args=[a for a in node.args if a.keyword is None or a.keyword.value != "out"]))

    def _seed(self, given, positional, at):
        if given is not None:
            self.seeds.append(given)
        elif 0 <= at < len(positional):
            self.seeds.append(positional[at])


_EMBEDDING = re.compile(r"self\.([^\W\d]\w*)\s*=\s*(?:torch\.)?(?:nn\.)?Embedding\(")


def _embedding_attrs(interp):
    """Attributes the file sets to an ``nn.Embedding`` (``self.token_emb = nn.Embedding(...)``):
    calling one with a floating tensor raises."""
    got = interp.__dict__.get("_embedding_attrs")
    if got is None:
        got = interp.__dict__["_embedding_attrs"] = frozenset(_EMBEDDING.findall(interp.source or ""))
    return got
