"""Parameters a function can only ever get as integer (or bool) tensors, read from how it uses
them: as an index (``x[ids]``, ``gather(..., index)``, an ``nn.Embedding``'s input), as a pad
amount or a ``range`` bound; directly or through what keeps an integer dtype (``lens.max()``,
``torch.stack([a, b])``, ``lens - 1``, ``torch.minimum(a, b, out=idx)``).  A floating tensor there
raises before any backward, so on every path that reaches a backward the parameter never
requires grad and no op keeps anything because of it (``torch.where(mask, ids, -1)`` keeps no
mask; ``torch.minimum(steps, lens)`` keeps no ``steps``).

Read from the function's own text, once per function: a name counts only where every binding
of it is a plain assignment of such a dtype-keeping expression (a name bound by a loop, a tuple
unpacking or anything else says nothing).  The text is read through Python's ``ast`` of the
module (a walk of the libcst tree cost a quarter of a scan's analysis), its functions matched
to libcst's by walking both trees' statements in parallel."""
from __future__ import annotations

import ast
import re

import libcst as cst

from .positions import pair_statements
from .values import Tensor

# method or function name -> position of the index among (receiver-less) arguments: for
# ``torch.gather(x, 1, idx)`` the index is third; for ``x.gather(1, idx)`` second
_INDEX_ARG = {
    "gather": 2, "scatter": 2, "scatter_": 2, "scatter_add": 2, "scatter_add_": 2, "scatter_reduce": 2,
    "scatter_reduce_": 2, "index_add": 2, "index_add_": 2, "index_copy": 2, "index_copy_": 2,
    "index_fill": 2, "index_fill_": 2, "index_select": 2, "take": 1, "take_along_dim": 1,
}
_FIRST_INT = {"embedding", "one_hot", "bincount"}  # F.embedding(ids, weight), F.one_hot(labels)
_MASK = {"masked_fill": 1, "masked_fill_": 1}
_MODULES = {"torch", "F", "th", "nn.functional", "torch.nn.functional"}

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
_KEEP_OPS = (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Mod, ast.BitAnd, ast.BitOr, ast.BitXor,
             ast.LShift, ast.RShift)
_SKIP = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.Import, ast.ImportFrom)


def as_integer(v: Tensor) -> Tensor:
    """The same tensor (each member of a group), known to be integer: it never requires grad."""
    members = [as_integer(m) if m.dtype is None else m for m in v.members] if v.members else v.members
    return v.copy(dtype="int", rg=False, members=members)


def integer_params(interp, fnode: cst.FunctionDef) -> frozenset:
    """The names of ``fnode``'s parameters that only integer tensors can reach: worked out
    once per function, for every file of a project that calls it."""
    got = interp.__dict__.setdefault("_integer_params", {}).get(id(fnode))
    if got is None:
        module, functions, results, embeddings = _module_entry(interp, fnode)
        got = results.get(id(fnode))
        if got is None:
            tree = functions.get(id(fnode))
            got = results[id(fnode)] = _integer_params(tree, embeddings) if tree is not None else frozenset()
        interp._integer_params[id(fnode)] = got
    return got


def _module_entry(interp, fnode):
    """(module, {id(libcst def): ast def}, results, nn.Embedding attributes) of the module that
    defines ``fnode``: kept by the project (or the interpreter) with the module itself, so
    that the ids stay its nodes'."""
    project = getattr(interp, "project", None)
    env = project.env_of_func(fnode) if project is not None else None
    module, source = (env.tree, env.source) if env is not None else (interp.module, interp.source)
    holder = project if project is not None else interp
    entries = holder.__dict__.setdefault("_int_uses", {})
    entry = entries.get(id(module))
    if entry is None or entry[0] is not module:
        embeddings = frozenset(_EMBEDDING.findall(source or ""))
        entry = entries[id(module)] = (module, _functions(module, source), {}, embeddings)
    return entry


def _functions(module, source):
    """{id(libcst FunctionDef): ast FunctionDef} for a module, matching the two trees'
    statements in order (positions.pair_statements); empty when the source does not parse."""
    try:
        tree = ast.parse(source) if source is not None else None
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        tree = None
    out: dict = {}
    if tree is None:
        return out

    def visit(s, a):
        if type(s) is cst.FunctionDef and isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef)):
            out[id(s)] = a

    pair_statements(module.body, tree.body, visit)
    return out


def _integer_params(fn, embedding_attrs):
    a = fn.args
    params = {p.arg for p in (*a.posonlyargs, *a.args, *a.kwonlyargs)}
    if not params:
        return frozenset()
    uses = _Uses(embedding_attrs)
    uses.walk(fn.body)
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


def _dotted(node):
    if type(node) is ast.Name:
        return node.id
    if type(node) is ast.Attribute:
        base = _dotted(node.value)
        return base + "." + node.attr if base else ""
    return ""


def _names(expr, depth=0):
    """The names whose values an integer ``expr`` shows to be integer (as far as read)."""
    if depth > 8:
        return []
    t = type(expr)
    if t is ast.Name:
        return [expr.id]
    if t is ast.Subscript:
        return _names(expr.value, depth + 1)
    if t is ast.UnaryOp:
        return _names(expr.operand, depth + 1)
    if t is ast.BinOp and isinstance(expr.op, _KEEP_OPS):
        return _names(expr.left, depth + 1) + _names(expr.right, depth + 1)
    if t is not ast.Call:
        return []
    if any(k.arg == "dtype" or k.arg is None for k in expr.keywords) or \
            any(type(a) is ast.Starred for a in expr.args):
        return []
    func, positional = expr.func, expr.args
    if type(func) is not ast.Attribute:
        return []
    name = func.attr
    if _dotted(func.value) in ("torch", "th"):
        if name in _KEEP_FUNCS_ALL:
            return [n for a in positional[:2] for n in _names(a, depth + 1)]
        if name in _KEEP_FUNCS_FIRST and positional:
            return _names(positional[0], depth + 1)
        if name in _KEEP_FUNCS_LIST and positional and type(positional[0]) in (ast.List, ast.Tuple):
            return [n for el in positional[0].elts for n in _names(el, depth + 1)]
        if name == "where" and len(positional) == 3:
            return _names(positional[1], depth + 1) + _names(positional[2], depth + 1)
        return []
    if name in _KEEP_METHODS or name in _ARGLESS_ONLY and not positional and not expr.keywords:
        return _names(func.value, depth + 1)
    return []


class _Uses:
    """The expressions used where only an integer tensor goes, and every binding of each name
    (an expression, or None for a binding that is not a plain assignment)."""

    def __init__(self, embedding_attrs):
        self.seeds = []
        self.defs = {}
        self.embedding_attrs = embedding_attrs

    def walk(self, body):
        todo = list(body)
        while todo:
            node = todo.pop()
            t = type(node)
            if t in _SKIP:
                continue  # (a nested function's names are its own)
            seen = _SEEN.get(t)
            if seen is not None:
                seen(self, node)
            todo.extend(ast.iter_child_nodes(node))

    def _bind(self, target, value):
        t = type(target)
        if t is ast.Name:
            self.defs.setdefault(target.id, []).append(value)
        elif t in (ast.Tuple, ast.List):
            for el in target.elts:
                self._bind(el, None)
        elif t is ast.Starred:
            self._bind(target.value, None)

    def assign(self, node):
        for t in node.targets:
            self._bind(t, node.value if type(t) is ast.Name else None)

    def ann_assign(self, node):
        self._bind(node.target, node.value)

    def aug_assign(self, node):
        # ``n += 1`` keeps an integer tensor's dtype (and a float added into it raises)
        if type(node.target) is ast.Name:
            self.defs.setdefault(node.target.id, []).append(node.target)

    def loop(self, node):
        self._bind(node.target, None)

    def with_item(self, node):
        if node.optional_vars is not None:
            self._bind(node.optional_vars, None)

    def handler(self, node):
        if node.name is not None:
            self.defs.setdefault(node.name, []).append(None)

    def declared(self, node):
        for n in node.names:
            self.defs.setdefault(n, []).append(None)

    def subscript(self, node):
        index = node.slice
        for el in index.elts if type(index) is ast.Tuple else (index,):
            if type(el) is not ast.Slice:
                self.seeds.append(el)

    def call(self, node):
        func = node.func
        positional = [a for a in node.args if type(a) is not ast.Starred]
        keyword = {k.arg: k.value for k in node.keywords if k.arg is not None}
        if type(func) is ast.Attribute:
            name, owner = func.attr, _dotted(func.value)
        elif type(func) is ast.Name:
            name, owner = func.id, None
        else:
            return
        function = owner in _MODULES or owner is None
        shift = 1 if function else 0  # the input comes first in a function
        if name in _INDEX_ARG:
            self._seed(keyword.get("index", keyword.get("indices")), positional, _INDEX_ARG[name] - 1 + shift)
        elif name in _MASK:
            self._seed(keyword.get("mask"), positional, _MASK[name] - 1 + shift)
        elif name in _FIRST_INT and function:
            self._seed(keyword.get("input"), positional, 0)
        elif name == "pad" and function:
            amounts = keyword.get("pad", positional[1] if len(positional) > 1 else None)
            if type(amounts) in (ast.Tuple, ast.List):
                self.seeds.extend(el for el in amounts.elts if type(el) is not ast.Starred)
        elif name == "range" and owner is None:
            self.seeds.extend(positional)
        elif owner == "self" and name in self.embedding_attrs:
            self._seed(keyword.get("input"), positional, 0)
        # ``torch.minimum(a, b, out=idx)`` binds ``idx`` to what it computes
        out = keyword.get("out")
        if type(out) is ast.Name:
            self.defs.setdefault(out.id, []).append(
                ast.Call(func=func, args=node.args, keywords=[k for k in node.keywords if k.arg != "out"]))

    def _seed(self, given, positional, at):
        if given is not None:
            self.seeds.append(given)
        elif 0 <= at < len(positional):
            self.seeds.append(positional[at])


_SEEN = {
    ast.Assign: _Uses.assign, ast.AnnAssign: _Uses.ann_assign, ast.AugAssign: _Uses.aug_assign,
    ast.For: _Uses.loop, ast.AsyncFor: _Uses.loop, ast.comprehension: _Uses.loop, ast.NamedExpr: _Uses.loop,
    ast.withitem: _Uses.with_item, ast.ExceptHandler: _Uses.handler, ast.Global: _Uses.declared,
    ast.Nonlocal: _Uses.declared, ast.Subscript: _Uses.subscript, ast.Call: _Uses.call,
}

# attributes a module's text sets to an nn.Embedding (``self.token_emb = nn.Embedding(...)``):
# calling one with a floating tensor raises
_EMBEDDING = re.compile(r"self\.([^\W\d]\w*)\s*=\s*(?:torch\.)?(?:nn\.)?Embedding\(")
