"""Which ``for`` loops the interpreter runs once per item instead of as a joined loop:
over a few layers (a ModuleList, ``enumerate(self.blocks)``, a list of callable objects), and what in a loop's body
stops that (``break``/``continue``, setting attributes)."""
from __future__ import annotations

import libcst as cst

from .frames import dotted
from .values import UNKNOWN_CONST, Const, Dict, Func, LambdaFn, Obj, Partial, Qual, Seq, Tensor


UNROLLED_LAYERS = 64
UNROLLED_OWN_LAYERS = 8
UNROLLED_RANGE = 8  # a ``range`` of known bounds with at most this many numbers runs once per number


def torch_layers(it):
    """A ModuleList or Sequential of at most UNROLLED_LAYERS of torch's own layers, or of
    UNROLLED_OWN_LAYERS modules of any class: run one by one, each layer is itself (as
    one of several, each would run on every pass anyway, and what one does would only be
    possible: a residual ``x +=`` in one block against the norm of another)."""
    if isinstance(it, Seq) and it.items and all(isinstance(t, Seq) and t.is_tuple and t.items for t in it.items):
        # ``enumerate(self.blocks)``, ``zip(self.blocks, self.norms)``: tuples of layers and known constants;
        # ``zip(self.blocks, caches)``: each layer with an object of the code's own classes (its cache,
        # its state) that it works on: paired position by position, as torch runs them
        flat = [[m for m in _flat(t) if not isinstance(m, Const) or m is UNKNOWN_CONST] for t in it.items]
        if all(any(_layer(m) for m in ms) for ms in flat):
            flat = [[m for m in ms if not _companion(m)] for ms in flat]
        layers = [m for ms in flat for m in ms]
        count = len(it.items)
    elif isinstance(it, Obj) and it.items:
        layers, count = it.items, len(it.items)
    elif isinstance(it, Seq) and it.items and it.tail is None:
        layers, count = it.items, len(it.items)  # a plain list of layers or transforms
    else:
        return False
    if not layers or not all(_layer(m) for m in layers):
        return False
    if all(isinstance(m, Obj) and m.cls is None and (m.qual or "").startswith("torch.nn.") for m in layers):
        return count <= UNROLLED_LAYERS
    return count <= UNROLLED_OWN_LAYERS


def _layer(m):
    return isinstance(m, Obj) and (m.is_module or _callable(m)) or _function(m)


def _companion(m):
    """An object of one of the analysed code's classes that is no layer (a KV cache, a
    recurrent state holder): known in full, so pairing it with its layer is exact."""
    return isinstance(m, Obj) and m.cls is not None and not m.is_module


def _function(v):
    """A function of the analysed code (a def, a lambda, a partial of one): a list of them
    (``AUGMENTS = [flip_, jitter_]``) is applied one after the other, each on its pass, as
    layers are; joined, each would be only one of several callables."""
    return isinstance(v, (Func, LambdaFn, Partial))


def _callable(obj):
    """An instance of one of the file's classes that defines ``__call__`` (the transforms of a
    ``Compose``: applied one after the other, like layers)."""
    return obj.cls is not None and obj.cls.lookup("__call__")[0] is not None


class _Jump(cst.CSTVisitor):
    found = False

    def visit_Break(self, node):
        self.found = True

    def visit_Continue(self, node):
        self.found = True

    def visit_Return(self, node):
        self.found = True

    def visit_Yield(self, node):
        self.found = True

    def visit_FunctionDef(self, node):
        return False  # a nested def's statements are not the loop's


class _SetsAttr(_Jump):
    """Also: the body sets an attribute (``self.x = ...``, ``setattr(...)``); a ``yield``
    does not end the iteration (a generator's ``for n in NAMES: yield n, getattr(self, n)``)."""

    def visit_Yield(self, node):
        pass

    def visit_AssignTarget(self, node):
        if type(node.target) is cst.Attribute:
            self.found = True

    def visit_Call(self, node):
        if type(node.func) is cst.Name and node.func.value == "setattr":
            self.found = True


def named_tensors(it, limit=16):
    """A short list of (name, tensor) pairs whose names are strings, known or not (a small
    model's ``named_parameters()``): a loop over them runs once per tensor, as over a few
    constants, so that a test of the name picks the tensors it names."""
    return isinstance(it, Seq) and it.items is not None and it.tail is None and 0 < len(it.items) <= limit and all(
        isinstance(t, Seq) and t.is_tuple and t.items is not None and len(t.items) == 2
        and isinstance(t.items[0], Const) and (t.items[0] is UNKNOWN_CONST or isinstance(t.items[0].value, str))
        and isinstance(t.items[1], Tensor) for t in it.items)


def jumps(body, or_sets_attributes=False, memo=None):
    """The loop body may leave an iteration early (break, continue, return, yield),
    or, when asked, set an attribute.  ``memo`` (a dict kept by the caller) holds the
    answers already worked out: the body's text decides them, and a loop runs again for
    every pass of the loops around it and every call of its function."""
    key = (id(body), or_sets_attributes)
    got = memo.get(key) if memo is not None else None
    if got is not None and got[0] is body:
        return got[1]
    v = _SetsAttr() if or_sets_attributes else _Jump()
    body.visit(v)
    if memo is not None:
        memo[key] = (body, v.found)  # (the node too: its id is not reused while it is kept)
    return v.found


def _flat(t, depth=0):
    """The members of a tuple, nested tuples opened (``(i, (stage, head))``)."""
    out = []
    for m in t.items:
        if isinstance(m, Seq) and m.is_tuple and m.items is not None and depth < 2:
            out.extend(_flat(m, depth + 1))
        else:
            out.append(m)
    return out


def _minus_one(node):
    return type(node) is cst.UnaryOperation and isinstance(node.operator, cst.Minus) and \
        type(node.expression) is cst.Integer and node.expression.value == "1"


def counts_down(call):
    """``range(n - 1, -1, -1)``, with ``n`` a name or attribute."""
    if len(call.args) != 3 or any(a.keyword is not None or a.star for a in call.args):
        return False
    start, stop, step = (a.value for a in call.args)
    return _minus_one(stop) and _minus_one(step) and type(start) is cst.BinaryOperation and \
        isinstance(start.operator, cst.Subtract) and type(start.right) is cst.Integer and \
        start.right.value == "1" and bool(dotted(start.left))


# What a loop or comprehension runs over once per item, in order (none of them a tensor)
def keyed_items(v, limit=16):
    """The items of a known dict's ``items()``: (key, value) pairs of known keys."""
    if isinstance(v, Seq) and v.items and v.tail is None and len(v.items) <= limit and all(
            isinstance(i, Seq) and i.is_tuple and i.items is not None and len(i.items) == 2
            and _constant(i.items[0]) for i in v.items):
        return v.items
    return None


def config_items(v, limit=8):
    """The items of a short list of known dicts or objects (``[dict(name="time_mask", width=3),
    ...]``, a list of built transforms), which a comprehension runs over once per item."""
    if isinstance(v, Seq) and v.items and v.tail is None and len(v.items) <= limit and all(
            isinstance(i, (Dict, Obj)) for i in v.items):
        return v.items
    return None


def tensor_items(v, limit=4):
    """The items of a short list of known tensors (the crops a helper cut from one feature map),
    which a comprehension runs over once per item, in order, as a ``for`` loop's passes see
    what the earlier ones did; None for anything else."""
    if isinstance(v, Seq) and v.items is not None and v.tail is None and 1 < len(v.items) <= limit and all(
            isinstance(i, Tensor) and not i.members for i in v.items):
        return v.items
    return None


def constant_items(v, limit=8):
    """The items of a short tuple or list of known constants (``("critic", "generator")``, or
    tuples of them),
    which a comprehension runs over once per item, in order; None for anything else."""
    if isinstance(v, Seq) and v.items is not None and 0 < len(v.items) <= limit and all(
            _constant(i) for i in v.items):
        return v.items
    return None


def dict_keys(v, limit=8):
    """The keys of a small dict whose keys are all known strings (``HEADS = {"hm": 3, "wh": 2}``),
    which a comprehension over the dict runs over once per key, in order: ``{n: head(x) for n in
    HEADS}`` makes a tensor per key, not one tensor under every key."""
    if isinstance(v, Dict) and v.factory is None and 0 < len(v.entries) <= limit and all(
            isinstance(k, str) and k != "?" for k in v.entries):
        return [Const(k) for k in v.entries]
    return None


def _constant(v, in_tuple=False):
    """A known constant, or a tuple of them (the items of ``zip(dims, dims[1:])``); in a
    tuple also a module (``zip(sizes, [relu, relu, None])``: each block built with its own
    activation, not with either); also a function of the project (``sum(term(q) for term in
    (cql_loss, td_loss))``: each term runs in turn, seeing what the earlier ones kept), or a
    qualified name (another module's function, a torch function)."""
    if isinstance(v, (Func, Qual)):
        return True
    if isinstance(v, Seq):
        return v.is_tuple and v.items is not None and all(_constant(i, True) for i in v.items)
    if in_tuple and (isinstance(v, Obj) and v.is_module or v is UNKNOWN_CONST):
        return True  # (and a number not known: the pairing is what matters)
    if in_tuple and isinstance(v, Dict) and v.factory is None and len(v.entries) <= 8 and all(
            isinstance(k, str) and k != "?" and _constant(e) for k, e in v.entries.items()):
        return True  # a layer's options: ``("relu", {"inplace": True})``
    return isinstance(v, Const) and v is not UNKNOWN_CONST
