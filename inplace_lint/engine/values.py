"""Abstract values the interpreter computes with.

Facts are three-valued: True, False, or None ("may be either").  A tensor's
version counter is a ``Storage``: views share their base's storage, so a save
recorded on a storage is seen through every alias.  ``.data`` is the exception:
it shares the memory but not the version counter, which is why writes through
it are silent.
"""
from __future__ import annotations

from typing import Optional

from .seq_ends import keep_shared_ends
from .storage import Save, Storage, next_id  # noqa: F401  (Save, Storage: imported from here too)



def t_or(a, b):
    if a is True or b is True:
        return True
    if a is None or b is None:
        return None
    return False


def t_and(a, b):
    if a is False or b is False:
        return False
    if a is None or b is None:
        return None
    return True


def t_join(a, b):
    return a if a == b else None


class Value:
    __slots__ = ()


class Tensor(Value):
    """A value that is, or may be, a tensor.

    kind: "fresh" (made here), "param" (nn.Parameter / module weight),
    "buffer", "arg" (function argument of unknown origin and unknown type),
    "input" (function argument of unknown origin that surely is a tensor: an
    annotation or a tensor-only method says so), "opaque" (result of something
    we cannot see into, maybe not a tensor), "group" (any of several tensors).

    dtype: "float" (floating or complex: may require grad), "int" (integral or
    bool: never requires grad, has no graph) or None (unknown).
    """

    __slots__ = ("storage", "rg", "leaf", "view", "base", "data", "alias_certain", "kind", "members", "node",
                 "noncontig", "hide", "partial", "paths", "used", "dtype", "outputs", "srcs", "read",
                 "alias_op", "spared", "ruled_out", "region", "snapshot", "rank", "out_fields", "maybe_none",
                 "picked", "member_hides", "distribution", "swap")

    def __init__(self, storage=None, rg=False, leaf=True, view=None, base=None, data=False,
                 alias_certain=True, kind="fresh", members=None, node=None, noncontig=False, hide=None,
                 dtype=None):
        self.storage = storage if storage is not None else Storage()
        self.dtype = dtype
        if dtype == "int":
            rg, leaf = False, True
        # the tensors of a tuple-returning op (std, mean), when they differ in fate, and
        # the names of a named tuple's fields (values, indices): dtypes.tuple_outputs
        self.outputs = self.out_fields = None
        # the tensors whose graph this one's graph reaches (the differentiable
        # inputs of the op that made it): a backward through it reaches them
        self.srcs = None
        # consumed by an op (whose result decides whether a backward reaches it)
        self.read = False
        # the op that may or may not have returned its input (alias_certain False)
        self.alias_op = None
        self.rg = rg
        self.leaf = leaf
        self.view = view  # None | "single" | "multi" | "nograd"
        self.base = base  # the tensor a view was taken from
        self.data = data
        self.alias_certain = alias_certain
        self.kind = kind
        self.members = members  # for groups: member tensors
        self.node = node
        self.noncontig = noncontig  # a transposing view: reshape/matmul of it copies
        self.swap = None  # how it is out of order, where known (layout.py)
        # epochs whose saves this reference cannot see: saves made on another
        # path of a branch than the one this value came from
        self.hide = hide
        # saves a grad guard proved never happened on the path this value came
        # from (``if not x.requires_grad:``: what an op computed from x alone saved)
        self.ruled_out = None
        # for a view taken by constant basic indexing of a whole tensor (x[:, :2], x.data[3]):
        # the (start, stop) it covers along each leading dimension (stop None: to the end)
        self.region = None
        self.rank = None  # its number of dimensions, where an op fixes it (ranks.py); None: unknown
        # a clone taken as a backup (``backup = p.data.clone()``): (id of the version
        # counter it copies, how many events and backwards there were then); copying it
        # back through ``.data`` undoes the ``.data`` writes made since (see calls.restore)
        self.snapshot = None
        self.distribution = False  # a torch.distributions object (torch_semantics._distribution)
        # one element of a list picked by a computed index: a save through it
        # saved *some* element, not the one another index will pick
        self.partial = False
        self.maybe_none = False  # None on some path (``Parameter(..) if flag else None``): ``is None`` undecided
        # for a join too large to keep its members (MAX_GROUP): {id of a member's storage: the
        # epochs every member of that storage could not see}, so that each path's hiding stays
        self.member_hides = None
        self.picked = False  # one of several, picked by a computed name (getattr_matching)
        # a group of values from different paths (a join), as opposed to a
        # collection that is modified member by member (all parameters)
        self.paths = False
        # consumed by something that can take part in a backward (bound to a
        # name, passed to an op, returned); a result only ever detached is not
        self.used = False
        # written in place while saved, and a later backward in the same code did
        # not reach it: being bound to a name no longer counts as used (run())
        self.spared = False

    def set_requires_grad(self, flag):
        if self.dtype == "int":
            flag = False  # only floating point tensors can require grad
        self.rg = flag
        if self.members:
            for m in self.members:
                m.set_requires_grad(flag)

    def copy(self, **changes):
        """Another reference to the same tensor, with some facts changed."""
        t = _copy_slots(self)
        for k, v in changes.items():
            setattr(t, k, v)
        return t

    def maybe_alias(self, op=None):
        """The result of an op that may return this tensor itself (``.to``, ``.float``)."""
        t = Tensor(storage=self.storage, rg=self.rg, leaf=self.leaf, base=self, view=self.view,
                   alias_certain=False, kind=self.kind, dtype=self.dtype)
        t.alias_op = op
        return t

    def visible_saves(self):
        if self.members:
            # what was saved of the join itself (``c = f()`` returned on two paths, then
            # ``c.sin()``), and what each member had saved
            out = list(self.storage.saves)
            for m in self.members:
                out.extend(m.visible_saves())
        elif self.member_hides and self.storage.members:
            out = list(self.storage.saves)
            for st in self.storage.members:
                gone = self.member_hides.get(id(st))
                out.extend(s for s in st.all_saves() if not gone or s.epoch not in gone)
        else:
            out = self.storage.all_saves()
        if self.hide:
            out = [s for s in out if s.epoch not in self.hide]
        if self.ruled_out:
            out = [s for s in out if s not in self.ruled_out]
        return out

    def root(self):
        t = self
        while t.base is not None:
            t = t.base
        return t

    def __repr__(self):
        return f"<Tensor {self.kind} rg={self.rg} leaf={self.leaf} view={self.view} s{self.storage.id}>"


def _slot_copier(cls):
    """A function that copies every slot of a ``cls`` instance into a new one: written
    out slot by slot, it runs 4-5x faster than a loop of getattr and setattr (a timm
    scan copies 290k tensor references)."""
    body = "".join(f"    t.{slot} = v.{slot}\n" for slot in cls.__slots__)
    names = {"new": cls.__new__, "cls": cls}
    exec(f"def copy_slots(v):\n    t = new(cls)\n{body}    return t\n", names)
    return names["copy_slots"]


_copy_slots = _slot_copier(Tensor)


def hidden(v, epochs, _depth=0, linked=False):
    """``v`` as seen from a path on which the saves of ``epochs`` never happened.
    ``linked``: see hidden_linked."""
    if not epochs:
        return v
    if isinstance(v, Tensor):
        # a group keeps its members: the group's own hide filters their saves
        h = v.copy(hide=(v.hide | epochs) if v.hide else frozenset(epochs), used=True)
        if linked:
            h.used, h.srcs = v.used, [v]
        return h
    if isinstance(v, Seq) and _depth < 3:
        out = _copied(v, Seq(items=[hidden(i, epochs, _depth + 1, linked) for i in v.items]
                             if v.items is not None else None,
                             elem=hidden(v.elem, epochs, _depth + 1, linked) if v.elem is not None else None,
                             is_tuple=v.is_tuple))
        if v.alts is not None:
            out.alts = [hidden(a, epochs, _depth + 1, linked) for a in v.alts]
        if v.items is None and (v.head or v.tail):  # a list of known ends (see seq_ends) keeps them
            out.head = [hidden(i, epochs, _depth + 1, linked) for i in v.head] if v.head else None
            out.tail = [hidden(i, epochs, _depth + 1, linked) for i in v.tail] if v.tail else None
            out.middle, out.nonempty = v.middle, v.nonempty
        return out
    return v


def _copied(v, seq):
    """A path's copy of list ``v``: an append to it reaches ``v`` (see Seq.sources)."""
    if not v.is_tuple:
        seq.sources = v.sources or [v]
    return seq


def hidden_linked(v, epochs):
    """``hidden(v, epochs)``, still leading to ``v``'s own tensor: whatever uses the copy
    (the value a function returned on one of its paths) uses that tensor, whose saves
    count only when it is used (a copy made by hidden() alone would not lead there)."""
    return hidden(v, epochs, linked=True)


def made_after(v, mark):
    """``v`` is a tensor (or a group of them) computed after storage id ``mark``: no view, no
    value that existed before (an option that returns its input)."""
    if not isinstance(v, Tensor) or v.members is None and (v.base is not None or v.storage.id <= mark):
        return False
    return all(m.base is None and m.storage.id > mark for m in v.members or ())


def result_tensor(rg, dtype=None):
    """A new tensor computed by an op: a leaf exactly when it does not require grad."""
    if dtype == "int":
        rg = False
    return Tensor(rg=rg, leaf=None if rg is None else not rg, kind="fresh", dtype=dtype)


def opaque(rg=None):
    return Tensor(rg=rg, leaf=None if rg is None else (not rg), kind="opaque")


class Const(Value):
    __slots__ = ("value",)

    def __init__(self, value=None):
        self.value = value


UNKNOWN_CONST = Const(None)
PLAIN_TYPES = (str, int, float, bool, type(None))  # constants whose value the engine reasons with


class GradFlag(Value):
    """A bool computed from a grad test (``in_place = not (torch.is_grad_enabled() and
    x.requires_grad)``): testing it tells what the test would (engine.guards.flag).
    ``value``: True, False, or None (unknown).  Not a ``Const``: an unknown flag is no
    known ``None``."""

    __slots__ = ("value", "facts", "blind", "version", "roots", "names")

    def __init__(self, value=None):
        self.value = value


class Qual(Value):
    """A name that resolves to something importable, e.g. ``torch.nn.functional.relu``."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


class Seq(Value):
    """A list or tuple.  ``items`` when its members are known exactly, else ``elem`` joins them."""

    __slots__ = ("items", "elem", "is_tuple", "nonempty", "tail", "sources", "head", "middle", "sid", "alts")

    def __init__(self, items=None, elem=None, is_tuple=False, nonempty=False):
        self.items = list(items) if items is not None else None
        self.elem = elem
        self.is_tuple = is_tuple
        self.nonempty = nonempty  # known to have at least one element (zip/enumerate of layers)
        self.sid = next_id()  # made before a branch or in it (heap.note_seq)
        # when items is None: the last members, in order, appended after the unknown part
        # (a network's output layer appended after the loop that built its hidden layers)
        self.tail = None
        # when items is None: the first members, in order, before the unknown part, and that
        # part (a Seq whose elem and nonempty say what lies between head and tail; None: any
        # member may): lists of different lengths joined at a branch (seq_ends)
        self.head = self.middle = None
        # for a join of lists from different paths (``a if c else b``): those lists, which
        # an append to the join may reach
        self.sources = None
        # for a join of tuples of known members of different lengths (a function returning
        # ``out, state`` on one path, ``out, state, attn`` on another): those tuples; unpacking
        # into n names takes the n-long ones
        self.alts = None

    def element(self):
        if self.items is not None:
            if not self.items:
                return self.elem or UNKNOWN_CONST
            return join_positions(self.items)
        return self.elem if self.elem is not None else opaque()

    def forget_order(self, elem):
        """Members added or replaced at places not known here: only ``elem`` joins them."""
        self.elem = elem
        self.items = self.tail = self.head = self.middle = None


class Dict(Value):
    __slots__ = ("entries", "factory")

    def __init__(self, entries=None, factory=None):
        self.entries = dict(entries or {})
        # what a missing key gets (pyobjects.missing_item): "list"/"dict" (a defaultdict), or a value
        self.factory = factory


class Func(Value):
    """A function or method defined in the analysed file."""

    __slots__ = ("node", "owner", "bound", "closure", "grad")

    def __init__(self, node, owner=None, bound=None, closure=None, grad=None):
        self.node = node  # cst.FunctionDef
        self.owner = owner  # ClassInfo when defined in a class
        self.bound = bound  # the instance for bound methods
        self.closure = closure
        self.grad = grad  # grad mode forced by a decorator (False for @torch.no_grad)


class ClassInfo(Value):
    """A class defined in the analysed file."""

    __slots__ = ("node", "name", "bases", "methods", "kind", "known_base", "attrs", "order")

    def __init__(self, node, name, bases):
        self.node = node
        self.name = name
        self.bases = bases  # resolved base values (ClassInfo or Qual)
        self.methods: dict = {}
        self.attrs: dict = {}  # class attributes (``scale = 1.0`` in the class body)
        self.order = None  # its method resolution order, worked out once (see mro)
        self.kind = "object"  # "module" | "function" (autograd.Function) | "optimizer" | "object"
        self.known_base = None  # qualname of a torch.nn module it derives from, if any

    def class_attr(self, name):
        """A class attribute of this class or, in method resolution order, of a base."""
        for c in mro(self):
            if isinstance(c, ClassInfo) and name in c.attrs:
                return c.attrs[name]
        return None

    def lookup(self, name, _depth=0):
        if name in self.methods:
            return self.methods[name], self
        if _depth > 10:
            return None, None
        for b in self.bases:
            if isinstance(b, ClassInfo):
                m, owner = b.lookup(name, _depth + 1)
                if m is not None:
                    return m, owner
        return None, None


class Obj(Value):
    """An instance: of a class in this file, of a known torch module, or an optimizer."""

    __slots__ = ("cls", "qual", "attrs", "items", "inplace", "ctor_node", "ctor_stmt", "params", "is_module", "mid")

    def __init__(self, cls=None, qual=None, is_module=False, ctor_node=None, ctor_stmt=None):
        self.cls = cls  # ClassInfo or None
        self.qual = qual  # e.g. "torch.nn.Linear", "torch.nn.Sequential", "torch.optim.SGD"
        self.attrs: dict = {}
        self.items: Optional[list] = None  # Sequential / ModuleList members
        self.inplace = False  # constructed with inplace=True
        self.ctor_node = ctor_node
        self.ctor_stmt = ctor_stmt
        self.params = None  # optimizers: the parameter group they update
        self.is_module = is_module
        self.mid = next_id()

    def submodules(self, _seen=None):
        """This module and every module inside it (``modules()``)."""
        seen = _seen if _seen is not None else set()
        if self.mid in seen:
            return
        seen.add(self.mid)
        yield self
        for c in self.children():
            yield from c.submodules(seen)

    def children(self):
        """The modules this one holds directly (``children()``)."""
        for c in list(self.items or []) + list(self.attrs.values()):
            if isinstance(c, Obj) and c.is_module:
                yield c
            elif isinstance(c, Alt):  # some of a list's layers, in an order not known here
                yield from (o for o in c.options if isinstance(o, Obj) and o.is_module)
            elif isinstance(c, Seq):
                for it in (c.items or ([c.elem] if c.elem is not None else [])):
                    if isinstance(it, Obj) and it.is_module:
                        yield it

    def own_params(self):
        return [v for v in self.attrs.values() if isinstance(v, Tensor) and v.kind == "param"]

    def param_group(self):
        params = []
        for m in self.submodules():
            params.extend(m.own_params())
        return make_group(params, kind="param")


class Alt(Value):
    """One of several objects (e.g. ``nn.ReLU() if act else nn.Identity()``)."""

    __slots__ = ("options",)

    def __init__(self, options):
        self.options = options


class GradCtx(Value):
    """A context manager that sets grad mode (``enabled``) or installs saved-tensor hooks."""

    __slots__ = ("enabled", "hooks")

    def __init__(self, enabled=None, hooks=False):
        self.enabled = enabled
        self.hooks = hooks


MAX_GROUP = 12


def _flat_members(tensors):
    """The members of ``tensors`` (a group stands for its members, each seen as the group
    sees it), each once."""
    flat, seen = [], set()
    for t in tensors:
        for m in (t.members if t.members else (t,)):
            if t.members and t.hide:
                m = hidden(m, t.hide)
            key = (id(m.storage), m.hide, m.ruled_out)
            if key not in seen:
                seen.add(key)
                flat.append(m)
    return flat


def make_group(tensors, kind="group"):
    """One value for "any of these tensors".  Nested groups are flattened, so that
    joins in loops do not nest; past MAX_GROUP members only the storages are kept."""
    flat = _flat_members(tensors)
    if not flat:
        return Tensor(kind=kind, rg=None, leaf=None)
    if len(flat) == 1:
        return flat[0]
    rg = flat[0].rg
    leaf = flat[0].leaf
    for t in flat[1:]:
        rg = t_join(rg, t.rg)
        leaf = t_join(leaf, t.leaf)
    dtype = flat[0].dtype if all(t.dtype == flat[0].dtype for t in flat) else None
    storage = Storage(members=[t.storage for t in flat])
    if len(flat) > MAX_GROUP:
        big = Tensor(storage=storage, rg=rg, leaf=leaf, kind=kind, dtype=dtype)
        big.member_hides = _hides_by_storage(flat)
        return big
    # (a group of ``.data`` aliases is one: a write through it is a write through .data)
    return Tensor(storage=storage, rg=rg, leaf=leaf, kind=kind, members=flat, dtype=dtype,
                  data=all(t.data for t in flat))


def _hides_by_storage(members):
    """What each storage's members all could not see (see Tensor.member_hides); None if nothing."""
    out = {}
    for m in members:
        key = id(m.storage)
        if key in out and out[key] is None:
            continue
        h = frozenset(m.hide) if m.hide else None
        out[key] = h if key not in out else (out[key] & h if h is not None else None)
    out = {k: v for k, v in out.items() if v}
    return out or None


def join(a: Value, b: Value) -> Value:
    if a is b:
        return a
    if a is None:
        return b
    if b is None:
        return a
    if isinstance(a, Tensor) and isinstance(b, Tensor):
        if a.storage is b.storage:
            t = Tensor(storage=a.storage, rg=t_join(a.rg, b.rg), leaf=t_join(a.leaf, b.leaf),
                       view=a.view if a.view == b.view else None, base=a.base if a.base is b.base else None,
                       data=a.data and b.data, alias_certain=a.alias_certain and b.alias_certain,
                       kind=a.kind if a.kind == b.kind else "group",
                       dtype=a.dtype if a.dtype == b.dtype else None)
            # what uses the join uses each side (two paths' copies of one argument that a
            # method wrote and returned: each still leads to what was added into it)
            t.srcs = [a, b]
            t.maybe_none = a.maybe_none or b.maybe_none
            if a.members and b.members:
                # two paths' copies of one join (a function's two returns of its loop's state):
                # still its members, each with what it cannot see on its own path
                t.members = _flat_members([a, b])
                t.paths = a.paths if a.paths == b.paths else (a.paths or b.paths)
            return t
        g = make_group([a, b])
        g.kind = a.kind if a.kind == b.kind else "group"
        g.dtype = a.dtype if a.dtype == b.dtype else None
        g.paths = True
        g.maybe_none = a.maybe_none or b.maybe_none
        # A view on one path is still a view there: keep the stronger view facts.
        if a.view == b.view:
            g.view = a.view
            g.base = a.base if a.base is b.base else None
        return g
    if isinstance(a, Seq) and isinstance(b, Seq):
        return _join_seqs(a, b)
    if isinstance(a, Seq) and isinstance(b, Tensor) and _tensor_tuple(a):
        return Seq(items=[join(x, b) for x in a.items], is_tuple=True)
    if isinstance(b, Seq) and isinstance(a, Tensor) and _tensor_tuple(b):
        return Seq(items=[join(a, x) for x in b.items], is_tuple=True)
    if isinstance(a, GradFlag) or isinstance(b, GradFlag):
        # two flags (or a flag and something else) from different paths: the facts
        # of one do not hold on the other's path
        if isinstance(a, Tensor) or isinstance(b, Tensor):
            return a if isinstance(a, Tensor) else b  # as for a number: follow the tensor
        va, vb = (v.value if isinstance(v, (Const, GradFlag)) else None for v in (a, b))
        return Const(va) if isinstance(va, bool) and va == vb else UNKNOWN_CONST
    if isinstance(a, Const) and isinstance(b, Const):
        return a if a.value == b.value else UNKNOWN_CONST
    if isinstance(a, Const) and a.value is None:
        return _or_none(b)  # x = None ... x = tensor: keep the informative side
    if isinstance(b, Const) and b.value is None:
        return _or_none(a)
    if isinstance(a, Tensor) and isinstance(b, Const) or isinstance(b, Tensor) and isinstance(a, Const):
        return a if isinstance(a, Tensor) else b  # a number or a tensor: follow the tensor
    if isinstance(a, Qual) and isinstance(b, Qual) and a.name == b.name:
        return a
    same = _same_code(a, b)
    if same is not None:
        return same
    if isinstance(a, _ONE_OF) and isinstance(b, _ONE_OF):
        # (two classes: ``CELLS[kind]`` with the key unknown is either one; two functions:
        # ``POSITIVE[name]`` of a registry is either, and calling it runs each on its path)
        # values of different kinds on different paths (a dict here, a Parameter
        # there): one of them, not a tensor that every path sees
        opts = list(a.options) if isinstance(a, (Alt, AltCallable)) else [a]
        codes = [_code(x) for x in opts]  # (each option's code worked out once: 1.3M calls on timm)
        for o in (b.options if isinstance(b, (Alt, AltCallable)) else [b]):
            co = _code(o)
            if all(o is not x and (co is None or co != cx) for x, cx in zip(opts, codes)):
                opts.append(o)
                codes.append(co)
        # (a registry of functions keeps more of its entries: an activation table of a
        # dozen, where the one that saves its output may come late)
        cap = MAX_FUNCTION_OPTIONS if all(isinstance(o, _FUNCTIONS) for o in opts) else 8
        return Alt(opts[:cap]) if len(opts) > 1 else opts[0]
    return a


def _tensor_tuple(s):
    """A tuple of tensors: joined with a tensor, the part of a module's tuple output that
    stands for one (``carrier.state``: the ``(h, c)`` zeros before a loop, or ``new`` of
    ``out, new = lstm(x, carrier.state)`` after a pass), each position is either (keeping
    the tuple alone would lose the graph the later passes carry)."""
    return s.is_tuple and s.items is not None and s.tail is None and all(type(i) is Tensor for i in s.items)


MAX_JOIN_DEPTH = 6
_join_depth = 0


def _join_seqs(a, b):
    """Containers nested deeper than MAX_JOIN_DEPTH (or containing each other:
    ``a[0] = b; b[0] = a``) are widened: their elements become unknown."""
    global _join_depth
    if _join_depth >= MAX_JOIN_DEPTH:
        return Seq(is_tuple=a.is_tuple and b.is_tuple)
    _join_depth += 1
    try:
        if a.is_tuple and b.is_tuple and a.items is not None and b.items is not None \
                and len(a.items) == len(b.items) and a.tail is None and b.tail is None \
                and all(type(i) is Tensor for i in a.items + b.items):
            # a tuple of tensors keeps its positions whichever path made it (``return x, rgb``
            # from either of two blocks: ``rgb`` is one of the rgbs, never an ``x``).  (Tuples
            # of tensors and numbers, as generators yield, are merged as before: kept apart,
            # gradcheck's ``_iter_tensor`` yields reach saves that unread views keep alive.)
            return Seq(items=[join(x, y) for x, y in zip(a.items, b.items)], is_tuple=True)
        out = Seq(elem=join(a.element(), b.element()), is_tuple=a.is_tuple and b.is_tuple)
        keep_shared_ends(out, a, b)
        if out.is_tuple:
            alts_a, alts_b = _tuple_alts(a), _tuple_alts(b)
            if alts_a is not None and alts_b is not None and len({len(t.items) for t in alts_a + alts_b}) > 1:
                out.alts = (alts_a + alts_b)[:8]
        if not out.is_tuple:
            out.sources = ((a.sources or [a]) + (b.sources or [b]))[:8]
        return out
    finally:
        _join_depth -= 1


def _tuple_alts(s):
    """The tuples of known members a tuple stands for (see Seq.alts); None when unknown."""
    if s.alts is not None:
        return s.alts
    return [s] if s.items is not None and s.tail is None else None


def _or_none(v):
    """``v`` or None (the other path's value): a tensor remembers it may be None."""
    if isinstance(v, Tensor) and not v.maybe_none:
        return v.copy(maybe_none=True)
    return v


def join_positions(values, levels=3):
    """``values`` joined: tuples of one length position by position, ``levels`` deep (a list of
    pairs such as ``named_modules()`` or ``enumerate(zip(self.stages, self.heads))``: the
    joined stages stay apart from the joined heads), anything else as one join."""
    first = values[0]
    if levels > 0 and isinstance(first, Seq) and first.items is not None and all(
            isinstance(i, Seq) and i.is_tuple == first.is_tuple and i.items is not None and i.tail is None
            and len(i.items) == len(first.items) for i in values):
        # (lists of one length too: ALBEF's ``model_pairs = [[enc, enc_m], [proj, proj_m]]``
        # pairs each model with its momentum copy, never with another pair's)
        out = Seq(items=[join_positions([i.items[k] for i in values], levels - 1) for k in range(len(first.items))],
                  is_tuple=first.is_tuple)
        if not first.is_tuple:
            out.sources = [s for i in values for s in (i.sources or [i])][:8]  # (an append reaches each)
        return out
    return join_all(values)


def join_all(values):
    out = None
    for v in values:
        out = join(out, v)
    return out if out is not None else UNKNOWN_CONST


class BoundMethod:
    __slots__ = ("recv", "name")

    def __init__(self, recv, name):
        self.recv = recv
        self.name = name


class Partial:
    """``functools.partial(func, *args, **kwargs)``: calling it calls ``func`` with those first."""

    __slots__ = ("func", "args", "kwargs")

    def __init__(self, func, args, kwargs):
        self.func, self.args, self.kwargs = func, list(args), dict(kwargs)


class LambdaFn:
    """A ``lambda``: calling it evaluates its body with the arguments bound
    (``act=lambda: nn.ReLU(inplace=True)``, ``key=lambda t: t.mul_(2)``)."""

    __slots__ = ("node", "closure", "bound")

    def __init__(self, node, closure):
        self.node, self.closure, self.bound = node, closure, None


class AltCallable:
    __slots__ = ("options",)

    def __init__(self, options):
        self.options = options


class SuperRef:
    __slots__ = ("owner", "obj")

    def __init__(self, owner, obj):
        self.owner = owner
        self.obj = obj

    def following(self):
        """The classes ``super()`` searches: those after ``owner`` in the method resolution
        order of the instance's class (a mixin's ``super().forward`` reaches the class that
        follows it there, not its own base ``object``), else after ``owner`` in its own."""
        cls = self.obj.cls if isinstance(self.obj, Obj) and isinstance(self.obj.cls, ClassInfo) else self.owner
        order = mro(cls)
        for i, c in enumerate(order):
            if c is self.owner:
                return order[i + 1:]
        return mro(self.owner)[1:]


def mro(cls, _depth=0):
    """Python's C3 linearization of a class of the analysed code: ClassInfo and Qual (a base
    of torch or another library, whose own bases are not known here) entries."""
    if not isinstance(cls, ClassInfo) or _depth > 10:
        return [cls]
    if cls.order is None:  # (a class's bases never change once it is defined)
        cls.order = _c3(cls, _depth)
    return cls.order


def _c3(cls, _depth):
    bases = [b for b in cls.bases if isinstance(b, (ClassInfo, Qual))]
    seqs = [mro(b, _depth + 1) for b in bases] + [list(bases)]
    key = (lambda c: ("q", c.name) if isinstance(c, Qual) else id(c))
    out = [cls]
    while True:
        seqs = [q for q in seqs if q]
        if not seqs:
            return out
        for q in seqs:
            head = key(q[0])
            if not any(head in map(key, r[1:]) for r in seqs):
                break
        else:  # no consistent order (Python would refuse the class): depth first
            for q in seqs:
                out.extend(c for c in q if key(c) not in set(map(key, out)))
            return out
        pick = q[0]
        out.append(pick)
        seqs = [r[1:] if key(r[0]) == head else r for r in seqs]


class Starred:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


# What a join keeps as "one of these" (an Alt) rather than taking one side for both paths.
_ONE_OF = (Obj, Alt, Tensor, Dict, Seq, ClassInfo, Qual, Func, LambdaFn, Partial, BoundMethod, AltCallable)


def _same_code(a, b):
    """The join of two callables that run the same code (a method bound anew at each access,
    ``partial(self._hook, name)`` made on each pass of a loop): one of them, with the
    partial's arguments joined; None when they differ (the join is then one of them: an Alt)."""
    code = _code
    if not isinstance(a, (Func, LambdaFn, Partial, BoundMethod)) or type(a) is not type(b):
        return None
    if isinstance(a, Partial):
        if code(a.func) is None or code(a.func) != code(b.func) or len(a.args) != len(b.args) \
                or a.kwargs.keys() != b.kwargs.keys():
            return None
        return Partial(a.func, [join(x, y) for x, y in zip(a.args, b.args)],
                       {k: join(v, b.kwargs[k]) for k, v in a.kwargs.items()})
    return a if code(a) is not None and code(a) == code(b) else None


def _code(f):
    """What identifies the code a callable runs (None: not known here)."""
    if isinstance(f, (Func, LambdaFn)):
        return id(f.node)
    if isinstance(f, BoundMethod):
        return ("method", id(f.recv), f.name)
    if isinstance(f, Qual):
        return ("qual", f.name)
    return None


_FUNCTIONS = (Func, LambdaFn, Partial, BoundMethod, Qual)
MAX_FUNCTION_OPTIONS = 16
