"""Functions whose own analysis cannot find anything, so it is skipped.

Every event the engine reports comes from an in-place site: an augmented assignment, a
store into a subscript or an attribute, a call of a ``*_`` function or method, an
``inplace=``/``out=`` argument, an optimizer's ``step``, and so on.  A function whose body,
and the body of every function it can reach, holds none of them produces no event,
whatever its arguments.  Dataset download helpers, path and logging utilities, config
parsers: their analysis (with every callee followed, for each file that calls them) was a
tenth to a fifth of a scan.  The check is syntactic and conservative: a call it cannot
place (a local callable, a submodule ``self.body(x)``, a method some project class
defines, ``**kwargs`` that may carry ``inplace``) makes the function count as live.  It also
requires that the function stores into no attribute or container and calls no mutating
method, so that skipping it leaves the shared instance and globals that other functions'
analyses read exactly as they would have been.
"""
from __future__ import annotations

import dataclasses

import libcst as cst

from .frames import dotted
from .project import hooks as project_hooks
from .values import ClassInfo, Func, Qual

# builtins that call nothing the file defines (map, sorted's key=, getattr(...)() may)
SAFE_BUILTINS = frozenset({
    "len", "isinstance", "issubclass", "print", "str", "int", "float", "bool", "list", "tuple", "dict", "set",
    "frozenset", "range", "slice", "enumerate", "zip", "min", "max", "sum", "abs", "round", "any", "all", "repr",
    "hasattr", "open", "format", "iter", "next", "hash", "id", "ord", "chr", "divmod", "pow", "bytes",
    "callable", "type", "ValueError", "TypeError", "RuntimeError", "KeyError", "IndexError", "NotImplementedError",
    "AssertionError", "AttributeError", "OSError", "FileNotFoundError", "StopIteration", "Exception",
})
# methods with no trailing underscore that write the tensors or modules they are called on,
# run the file's code, or change what a later backward or step sees
RISKY_METHODS = frozenset({
    "step", "backward", "apply", "load_state_dict", "zero_grad", "register_hook", "register_forward_hook",
    "register_forward_pre_hook", "register_full_backward_hook", "register_backward_hook", "register_buffer",
    "register_parameter", "register_module", "add_module", "forward", "train", "eval", "requires_grad",
})
# methods that change the container they are called on: harmless on a list or dict the
# function made itself, not on one another function's analysis may read afterwards
MUTATING_METHODS = frozenset({
    "append", "extend", "insert", "update", "setdefault", "pop", "popitem", "add", "remove", "discard", "clear",
    "sort", "reverse",
})


# fields of a node that hold only whitespace and punctuation: not walked
_PUNCTUATION = ("whitespace", "lpar", "rpar", "comma", "leading_lines", "lines_after", "header", "footer",
                "semicolon", "newline", "equal", "colon", "dot", "lbracket", "rbracket", "lbrace", "rbrace",
                "asynchronous")
_FIELDS: dict = {}


def _fields(tp):
    got = _FIELDS.get(tp)
    if got is None:
        got = _FIELDS[tp] = tuple(f.name for f in dataclasses.fields(tp)
                                  if not any(p in f.name for p in _PUNCTUATION))
    return got


def _push_children(stack, node, tp):
    for name in _fields(tp):
        v = getattr(node, name)
        if _is_node(v):
            stack.append(v)
        elif type(v) is tuple or type(v) is list:
            stack.extend(e for e in v if _is_node(e))


_NODE_TYPES: dict = {}  # type -> whether it is a libcst node class


def _is_node(v):
    """``isinstance(v, cst.CSTNode)``, answered once per type: CSTNode is an ABC, and
    ABCMeta.__instancecheck__ on every field of every node walked was most of a scan's
    ABC checks (a class's subclasses cannot change its answer afterwards)."""
    tp = type(v)
    got = _NODE_TYPES.get(tp)
    if got is None:
        got = _NODE_TYPES[tp] = issubclass(tp, cst.CSTNode)
    return got


class _Scan:
    """What a function body calls, and whether it holds an in-place site outright.  A plain
    walk over the nodes' fields: libcst's visitor costs ten times as much per node."""

    def __init__(self, fnode):
        self.risky = False
        self.calls: list = []  # the callee of every call
        self.local: set = set()  # names bound inside the function, parameters included
        self.made: set = set()  # names the function binds itself (not parameters)
        self.gives = False  # returns a value or yields
        self.named: list = []  # (name, attribute) of every ``name.attribute`` read: a property may run
        stack = [fnode]
        while stack and not self.risky:
            node = stack.pop()
            tp = type(node)
            if tp in _RISKY_NODES:
                self.risky = True
            elif tp is cst.Call:
                for a in node.args:
                    if a.star == "**" or a.keyword is not None and a.keyword.value in ("inplace", "out"):
                        self.risky = True
                self.calls.append(node.func)
            elif tp is cst.AssignTarget or tp is cst.AnnAssign or tp is cst.For or tp is cst.CompFor \
                    or tp is cst.NamedExpr:
                self._target(node.target)
            elif tp is cst.Return and node.value is not None or tp is cst.Yield:
                self.gives = True
            elif tp is cst.AsName:
                self._target(node.name)
            elif tp is cst.Param or tp is cst.FunctionDef:
                self.local.add(node.name.value)
            elif tp is cst.WithItem and type(node.item) is not cst.Call:
                self.risky = True  # ``with self.ctx:`` runs whatever ``__enter__`` the object has
            elif tp is cst.Attribute and type(node.value) is cst.Name:
                self.named.append((node.value.value, node.attr.value))
            _push_children(stack, node, tp)

    def _target(self, t):
        if type(t) is cst.Name:
            self.local.add(t.value)
            self.made.add(t.value)
        elif type(t) is cst.Tuple or type(t) is cst.List:
            for e in t.elements:
                self._target(e.value)
        elif type(t) is cst.StarredElement:
            self._target(t.value)
        else:
            self.risky = True  # a store into an attribute or a subscript


def called_on_self(fnode):
    """The names ``fnode`` calls as ``self.name(...)``, or None when it calls ``super()``:
    a plain walk over the fields (generating the method's text to search it cost more)."""
    names, stack = set(), [fnode]
    while stack:
        node = stack.pop()
        tp = type(node)
        if tp is cst.Call:
            f = node.func
            if type(f) is cst.Name and f.value == "super":
                return None
            if type(f) is cst.Attribute and type(f.value) is cst.Name and f.value.value == "self":
                names.add(f.attr.value)
        _push_children(stack, node, tp)
    return names


_RISKY_NODES = frozenset({cst.AugAssign, cst.Del, cst.Global, cst.Nonlocal, cst.ClassDef})


def inert(interp, fnode, owner) -> bool:
    """Whether the analysis of ``fnode`` (a method of ``owner`` if given) can report nothing."""
    memo = interp.__dict__.setdefault("_inert", {})
    return _inert(interp, fnode, owner, interp.globals, memo, 0)


def returns_nothing(interp, func) -> bool:
    """A call of ``func`` (a Func) that needs no following: inert, and it returns nothing
    (``download_and_extract_archive(url, root)``, ``_log_api_usage_once(self)``)."""
    memo = interp.__dict__.setdefault("_inert", {})
    gives = interp.__dict__.setdefault("_gives", {})
    fnode = func.node
    if id(fnode) not in gives:
        scope = _scope_of(interp, fnode, interp.globals) if func.closure is None else None
        ok = scope is not None and _inert(interp, fnode, func.owner, scope, memo, 0)
        gives[id(fnode)] = not ok or _scan(interp, fnode).gives
    return not gives[id(fnode)]


def _inert(interp, fnode, owner, scope, memo, depth):
    key = id(fnode)
    if key in memo:
        return memo[key]  # (None while being decided: a recursive call counts as live)
    if depth > 6:
        return False
    memo[key] = None
    scan = _scan(interp, fnode)
    ok = not scan.risky and all(_call_ok(interp, f, owner, fnode, scope, scan, memo, depth)
                                for f in scan.calls) and _properties_ok(interp, fnode, owner, scope, scan, memo, depth)
    memo[key] = ok
    return ok


def _call_ok(interp, func, owner, fnode, scope, scan, memo, depth):
    local = scan.local
    if type(func) is cst.Name:
        name = func.value
        if name in local:
            return False  # a callable handed in or made here
        v = scope.lookup(name)
        if v is None:
            return name in SAFE_BUILTINS
        return _value_ok(interp, v, memo, depth)
    if type(func) is not cst.Attribute:
        return False
    attr = func.attr.value
    if attr.endswith("_") or attr in RISKY_METHODS:
        return False
    root = dotted(func.value)
    head = root.split(".", 1)[0] if root else None
    if attr in MUTATING_METHODS:
        # (a list this function built; not a project class's ``update``)
        return head is not None and head in scan.made and attr not in _project_defs(interp)
    if head is not None and head not in local:
        v = scope.lookup(head)
        if isinstance(v, Qual):
            # a module or function outside the project (os.path.join, np.mean, torch.tensor), or
            # a project module imported whole (``from . import utils``): then its function
            return _value_ok(interp, Qual(v.name + root[len(head):] + "." + attr), memo, depth)
    if root is not None and root == _first_param(fnode) and isinstance(owner, ClassInfo):
        # (no such method: a submodule's forward, or a method of a torch base class)
        return _method_inert(interp, owner, attr, scope, memo, depth) is True
    # a method of some other value: a str, list, dict, file or tensor method is harmless;
    # one the project defines may hold anything
    return attr not in _project_defs(interp)


def _properties_ok(interp, fnode, owner, scope, scan, memo, depth):
    """``self.device`` runs the class's property, and ``self.helper`` handed on may be called:
    every method of the class named on ``self`` must be inert too."""
    first = _first_param(fnode)
    if first is None or not isinstance(owner, ClassInfo):
        return True
    return all(_method_inert(interp, owner, attr, scope, memo, depth) is not False
               for root, attr in scan.named if root == first)


def _method_inert(interp, owner, name, scope, memo, depth):
    """Whether the method ``name`` of ``owner`` (or of a base class the file knows) is inert;
    None when the class defines no such method."""
    m, where = owner.lookup(name)
    if m is None:
        return None
    m = m.node if isinstance(m, Func) else m
    return bool(_inert(interp, m, where, _scope_of(interp, m, scope), memo, depth + 1))


def _value_ok(interp, v, memo, depth):
    if isinstance(v, Qual) and interp.project is not None:
        v = project_hooks.resolve_value(interp, v)  # a project function imported by name
    if isinstance(v, Qual):
        return True
    if isinstance(v, Func) and v.bound is None and v.closure is None:
        return _inert(interp, v.node, v.owner, _scope_of(interp, v.node, interp.globals), memo, depth + 1)
    return False


def _scan(interp, fnode):
    """``_Scan(fnode)``, once per run: a module another file imports is scanned for the first
    file only (the cache holds the node too, so that its id is not reused)."""
    cache = interp.project.__dict__.setdefault("_scans", {}) if interp.project is not None else \
        interp.__dict__.setdefault("_scans", {})
    got = cache.get(id(fnode))
    if got is None or got[0] is not fnode:
        got = cache[id(fnode)] = (fnode, _Scan(fnode))
    return got[1]


def _scope_of(interp, fnode, default):
    """The globals a function's names resolve in: its own module's, for another project module's."""
    env = interp.project.env_of_func(fnode) if interp.project is not None else None
    return env.globals if env is not None and env.globals is not None else default


def _first_param(fnode):
    params = list(fnode.params.posonly_params) + list(fnode.params.params)
    return params[0].name.value if params else None


def _project_defs(interp):
    """Names of the functions and methods this file and every project module it imports,
    directly or not, define (a method of theirs may be what ``obj.name(...)`` calls)."""
    got = interp.__dict__.get("_project_def_names")
    if got is None:
        got = set(interp._file_mentions().defined)
        index, path = interp.project, getattr(interp, "home_path", None)
        if index is not None and path is not None:
            for dep in index.dependencies(path):
                got |= index.defined_names(dep)
        interp.__dict__["_project_def_names"] = got
    return got
