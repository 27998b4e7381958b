"""What a parameter holds when no caller says: its annotation or the kind of its default.

``x: torch.Tensor`` is a tensor of unknown origin; ``n: int``, ``size: tuple[int, int]``,
``name: str``, ``arr: np.ndarray`` and numeric defaults are not tensors at all, so
dividing by them saves nothing; ``cfg: dict[str, Any]`` is a dict.  Anything else may be anything.
"""
from __future__ import annotations

import io
import re
import tokenize
from collections import Counter

import libcst as cst

from .values import UNKNOWN_CONST, ClassInfo, Const, Dict, Seq, Tensor, join_all, opaque
from .frames import dotted as _dotted
from .project import hooks as project_hooks

# numpy's array types, as an annotation names them (through the module's imports)
NUMPY_ARRAYS = {"numpy.ndarray", "numpy.typing.NDArray"}


def unknown_param(interp, p: cst.Param):
    """What a parameter may hold when no caller says: its annotation, the kind of its default, or anything."""
    if p.annotation is not None:
        v = _annotated(interp, p.annotation.annotation, 0)
        if v is not None:
            return v
    if p.default is not None:
        d = interp.eval(p.default, interp.globals)
        # a number, string or bool default: the parameter holds one of those
        # (its value is unknown).  ``None`` says nothing about the other case.
        if isinstance(d, Const) and d.value is not None or isinstance(d, (Seq, Dict)):
            return UNKNOWN_CONST if isinstance(d, Const) else d
    return Tensor(rg=None, leaf=None, kind="arg")


def narrow(interp, p: cst.Param, v):
    """A caller's value of unknown kind, narrowed by the parameter's annotation when that
    says it is not a tensor (``size: tuple[int, int]``): a number is then no grad tensor.
    A value only guessed to be a tensor (a tensor-like method was called on it) counts as
    unknown here: ``cache: Dict`` is the author's word, the guess is ours."""
    if p.annotation is None or not isinstance(v, Tensor):
        return v
    guessed = v.kind in ("arg", "opaque", "input")
    if not guessed and not _numpy_annotation(interp, p.annotation.annotation):
        return v
    ann = _annotated(interp, p.annotation.annotation, 0)
    if ann is None or isinstance(ann, Tensor):
        return v
    # ``segment: np.ndarray`` also narrows a value computed here only from values of unknown
    # type (``points[rows]`` of an untyped ``points``: an ndarray indexed gives an ndarray);
    # not one that a torch op made from known tensors (``torch.from_numpy(a)``, ``x * self.w``)
    return ann if guessed or _of_unknown_type_only(v) else v


def _numpy_annotation(interp, ann):
    if type(ann) is cst.Subscript:
        ann = ann.value
    return interp._resolve_dotted(_dotted(ann)) in NUMPY_ARRAYS


def _of_unknown_type_only(v, limit=200):
    """Whether every tensor ``v``'s graph starts from (the tensors it was computed from,
    through views, ops and joins) is a value of unknown type: an argument or the result of
    something the engine cannot see into."""
    stack, seen, roots = [v], set(), 0
    while stack:
        t = stack.pop()
        if id(t) in seen:
            continue
        seen.add(id(t))
        if len(seen) > limit:
            return False
        more = list(t.members or ())
        if t.base is not None:
            more.append(t.base)
        more.extend(t.srcs or ())
        if more:
            stack.extend(m for m in more if isinstance(m, Tensor))
        elif t.kind in ("arg", "opaque"):
            roots += 1
        else:
            return False  # a tensor made by torch (a factory, a parameter, a constant)
    return roots > 0


def _annotated(interp, ann, depth):
    """A value of the annotated type, or None when the annotation says nothing usable."""
    if depth > 3:
        return None
    if type(ann) is cst.BinaryOperation and type(ann.operator) is cst.BitOr:  # X | None
        return _union(interp, [ann.left, ann.right], depth)
    if type(ann) is cst.Subscript:
        head = interp._resolve_dotted(_dotted(ann.value)).rsplit(".", 1)[-1]
        inner = [el.slice.value for el in ann.slice if type(el.slice) is cst.Index]
        if head in ("Optional", "Union"):
            return _union(interp, inner, depth)
        if head in ("tuple", "Tuple", "list", "List", "Sequence", "Iterable", "set", "Set", "frozenset"):
            elems = [_annotated(interp, i, depth + 1) for i in inner if type(i) is not cst.Ellipsis]
            if not elems or any(e is None for e in elems):
                return None
            return Seq(elem=join_all(elems), is_tuple=head in ("tuple", "Tuple"))
        if interp._resolve_dotted(_dotted(ann.value)) in NUMPY_ARRAYS:  # npt.NDArray[np.float64]
            return UNKNOWN_CONST
        if head in ("dict", "Dict", "Mapping"):
            v = _annotated(interp, inner[1], depth + 1) if len(inner) == 2 else None
            v = v if v is not None else opaque()
            return Dict({"?": v}, factory=v)  # a dict, whatever it holds (each key its own item)
        return None
    if type(ann) is cst.SimpleString and depth == 0:
        return _own_instance(interp, ann)
    name = interp._resolve_dotted(_dotted(ann))
    if not name:
        return None
    short = name.rsplit(".", 1)[-1]
    if name in ("int", "float", "bool", "complex", "str", "bytes", "builtins.int", "builtins.float"):
        return UNKNOWN_CONST
    if name in NUMPY_ARRAYS:  # a numpy array holds no autograd graph and never requires grad
        return UNKNOWN_CONST
    # a bare container annotation (``cache: Dict``, ``xs: list``): a container, of unknown contents
    builtin_or_typing = name == short or name.split(".", 1)[0] in ("typing", "collections")
    if builtin_or_typing and short in ("dict", "Dict", "Mapping", "MutableMapping", "OrderedDict", "defaultdict"):
        item = opaque()
        return Dict({"?": item}, factory=item)
    if builtin_or_typing and short in ("list", "List", "tuple", "Tuple", "Sequence", "set", "Set"):
        return Seq(elem=opaque(), is_tuple=short in ("tuple", "Tuple"))
    if name in ("torch.Size", "torch.types.Size"):  # a tuple of ints
        return Seq(elem=UNKNOWN_CONST, is_tuple=True)
    if name.startswith("torch.") and (short == "Tensor" or short.endswith("Tensor")) or short == "Tensor":
        return Tensor(rg=None, leaf=None, kind="input")
    if name.startswith("torch.nn.") and short == "Parameter":
        return Tensor(rg=None, leaf=None, kind="input")
    if depth <= 1:
        return _own_instance(interp, ann)
    return None


def _own_instance(interp, ann):
    """``memory: ReplayBuffer`` (or ``"rp.ReplayBuffer"``) naming a class of the checked code
    (or of the project): an instance built by its ``__init__`` with unknown arguments, so that
    the caller's values reach its methods (``self.memory.update(idx, td.detach())``)."""
    if type(ann) is cst.SimpleString:
        ann = _forward_reference(interp, ann)
    if not isinstance(ann, (cst.Name, cst.Attribute)):
        return None
    building = interp.__dict__.setdefault("_annotated_building", set())
    if len(building) >= 2:
        return None
    cls = interp.eval(ann, interp.globals)
    if interp.project is not None:
        cls = project_hooks.resolve_value(interp, cls)  # a class imported from a project module
    if not isinstance(cls, ClassInfo) or cls.kind == "optimizer" or id(cls) in building:
        return None
    building.add(id(cls))
    try:
        return interp.instantiate(cls, None, opaque_args=True)
    finally:
        building.discard(id(cls))


def _union(interp, anns, depth):
    vals = []
    for a in anns:
        if type(a) is cst.Name and a.value == "None":
            continue
        v = _annotated(interp, a, depth + 1)
        if v is None:
            return None
        vals.append(v)
    if not vals:
        return None
    if any(isinstance(v, Tensor) for v in vals) and not all(isinstance(v, Tensor) for v in vals):
        return Tensor(rg=None, leaf=None, kind="arg")  # a tensor or something else
    return join_all(vals)


def no_grad_if(v, p: cst.Param, names):
    """A private helper's parameter, in its own analysis: one that gets no tensor that
    requires grad at any call (``names``) cannot require grad here either; it keeps its
    unknown leaf-ness (a later write of a grad value must not make it "a leaf that
    requires grad")."""
    if p.name.value in names and isinstance(v, Tensor) and v.rg is not False:
        return v.copy(rg=False)
    return v


# an identifier, with a ``def`` before it or an opening parenthesis after it
_IDENT = re.compile(r"(\bdef\s+)?(?<!\w)([^\W\d]\w*)(\s*\()?")

_SELF_CALL = re.compile(r"(?<![\w.])self\.([^\W\d]\w*)\s*\(")
_ATTRIBUTE = re.compile(r"\.\s*([^\W\d]\w*)")
_QUOTED = re.compile(r"['\"]([^\W\d]\w*)['\"]")


class Mentions:
    """How often each identifier appears in a file, as a callee, and as a def's name: a
    private helper named only to be called has no callers but the calls seen.

    Counted on the text, not the tree (a libcst visit of a whole module costs more
    than the rest of its analysis).  Strings and comments count too: a mention
    there adds to "named" and, if it looks like a call or a def, equally to
    "called" or "defined", so it can only make a helper look less private."""

    def __init__(self, text: str):
        # (counted from findall's tuples, "" for a group that did not match: a Python
        # loop over every identifier's match object cost 3% of a torchvision scan)
        found = _IDENT.findall(text)
        self.names = Counter([name for _, name, _ in found])
        self.defined = Counter([name for d, name, _ in found if d])
        self.called = Counter([name for d, name, c in found if c and not d])
        # calls of a method on ``self`` (``self.update(group)``), among the calls above;
        # every attribute named so (``.update``, those calls included); quoted names
        # (``getattr(opt, "update")``): what may reach a method by its name
        self.self_called = Counter(_SELF_CALL.findall(text))
        self.attributes = Counter(_ATTRIBUTE.findall(text))
        self.quoted = Counter(_QUOTED.findall(text))
        self._text, self._code = text, None

    def in_code(self, name):
        """How often ``name`` appears in the code as a name or as a whole string ("run"), not
        in comments or prose (``This run trains in float32`` in a docstring).  Tokenized
        on the first question only (an entry point's name, which the counts above found
        more than once)."""
        if self._code is None:
            self._code = Counter()
            try:
                for tok in tokenize.generate_tokens(io.StringIO(self._text).readline):
                    if tok.type == tokenize.NAME:
                        self._code[tok.string] += 1
                    elif tok.type == tokenize.STRING and tok.string.strip("'\"").isidentifier():
                        self._code[tok.string.strip("'\"")] += 1
            except (tokenize.TokenError, SyntaxError):
                self._code = False
        return 2 if self._code is False else self._code[name]  # (not counted: more than once)


def _forward_reference(interp, ann):
    """The dotted name a string annotation spells (``"rp.Replay"``), parsed once per annotation."""
    cache = interp.__dict__.setdefault("_forward_references", {})
    if id(ann) not in cache:
        text = ann.evaluated_value
        ok = isinstance(text, str) and text.replace(".", "").replace("_", "").isalnum()
        cache[id(ann)] = cst.parse_expression(text) if ok else None
    return cache[id(ann)]


# torch functions whose first argument is a sequence of tensors: a tensor there raises TypeError
_SEQUENCE_FIRST = {"torch.cat", "torch.concat", "torch.concatenate", "torch.stack", "torch.hstack",
                   "torch.vstack", "torch.dstack", "torch.column_stack", "torch.row_stack"}


def sequence_params(interp, fnode: cst.FunctionDef) -> frozenset:
    """The parameters a function hands, unchanged, to ``torch.cat``/``torch.stack`` in a
    statement every call reaches (one at the body's top level, after no return or
    isinstance test of the parameter): the function works only with a list or tuple
    there, so a write ``x[i] = v`` before it fills a slot of that list and writes no tensor
    (a caller's path that hands it a tensor raises TypeError at the cat, before any backward)."""
    cache = interp.__dict__.setdefault("_sequence_params", {})
    got = cache.get(id(fnode))
    if got is None:
        got = cache[id(fnode)] = _sequence_params(interp, fnode)
    return got


def _sequence_params(interp, fnode):
    names = {p.name.value for p in list(fnode.params.posonly_params) + list(fnode.params.params)}
    body = fnode.body.body if type(fnode.body) is cst.IndentedBlock else ()
    found = set()
    for i, stmt in enumerate(body):
        if type(stmt) is not cst.SimpleStatementLine:
            continue
        for small in stmt.body:
            value = getattr(small, "value", None)
            for name in _cat_arguments(interp, value, 0):
                if name in names and name not in found and _unchanged_before(body[:i], name):
                    found.add(name)
    return frozenset(found)


def _cat_arguments(interp, expr, depth):
    """Names passed as the sequence argument of a cat-like call inside ``expr`` (nested calls too)."""
    if type(expr) is not cst.Call or depth > 3:
        return
    if interp._resolve_dotted(_dotted(expr.func)) in _SEQUENCE_FIRST and expr.args:
        first = next((a for a in expr.args if a.keyword is None or a.keyword.value == "tensors"), None)
        if first is not None and first.star == "" and type(first.value) is cst.Name:
            yield first.value.value
    for a in expr.args:
        yield from _cat_arguments(interp, a.value, depth + 1)
    if type(expr.func) is cst.Attribute:
        yield from _cat_arguments(interp, expr.func.value, depth + 1)


class _Names(cst.CSTVisitor):
    def __init__(self):
        self.seen = set()

    def visit_Name(self, node):
        self.seen.add(node.value)


class _Touches(cst.CSTVisitor):
    """Whether statements rebind ``name``, test its type, or return a value that mentions it."""

    def __init__(self, name):
        self.name, self.found = name, False

    def _mentions(self, node):
        names = _Names()
        node.visit(names)
        return self.name in names.seen

    def visit_AssignTarget(self, node):
        if type(node.target) is cst.Name and node.target.value == self.name or isinstance(
                node.target, (cst.Tuple, cst.List)) and self._mentions(node.target):
            self.found = True

    def visit_AugAssign(self, node):
        if type(node.target) is cst.Name and node.target.value == self.name:
            self.found = True

    def visit_For(self, node):
        if self._mentions(node.target):
            self.found = True

    def visit_Return(self, node):
        if node.value is not None and self._mentions(node.value):
            self.found = True

    def visit_Call(self, node):
        if type(node.func) is cst.Name and node.func.value == "isinstance" and node.args and \
                type(node.args[0].value) is cst.Name and node.args[0].value.value == self.name:
            self.found = True


def _unchanged_before(stmts, name):
    v = _Touches(name)
    for s in stmts:
        s.visit(v)
        if v.found:
            return False
    return True
