"""The interpreter's plain records: a frame of local names, an in-place event
before positions are known, and a snapshot of a tensor's facts at a write."""
from __future__ import annotations

import libcst as cst

from .values import Obj, Seq, Tensor, hidden_linked, join

MAX_DEPTH = 4  # calls followed into the file's own functions
# Constructors build a model as a tree of submodules (``Model -> Bert -> Encoder ->
# Layer -> Output -> nn.Linear``), often deeper than MAX_DEPTH: past it, constructors
# called from constructors are still followed (not the other functions they call)
# while the constructors on the stack number at most MAX_INIT_DEPTH and the statements
# spent that way stay within 1/DEEP_INIT_SHARE of the file's inlining budget.
MAX_INIT_DEPTH = 12
DEEP_INIT_SHARE = 10


class RawEvent:
    """An event before positions are resolved (nodes instead of line numbers)."""

    __slots__ = ("kind", "op", "node", "target_node", "tensor", "grad", "saves", "out_rg", "related_node",
                 "related_message", "chain", "basic_index", "stmt", "related_stmt", "previous", "env", "anchor",
                 "caller_target", "own_funcs", "doubted")

    def __init__(self, kind, op, node, target_node, tensor, grad, saves, chain, out_rg=None,
                 related_node=None, related_message="", basic_index=False, stmt=None, related_stmt=None):
        self.stmt = stmt  # the statement the node lies in (for positions)
        self.previous = frozenset()  # ids of saves made in an earlier iteration of the enclosing loop
        self.related_stmt = related_stmt
        self.kind = kind
        self.op = op
        self.node = node
        self.target_node = target_node
        self.tensor = tensor
        self.grad = grad
        self.saves = saves
        self.out_rg = out_rg
        self.related_node = related_node
        self.related_message = related_message
        self.chain = chain
        self.basic_index = basic_index
        self.env = None  # the other project module whose code made the write (None: this file)
        self.anchor = None  # then: the call in this file that led there
        self.caller_target = None  # and the caller's expression for the written tensor, if known
        # uncertain only because one of several objects was followed (Calls._each), which
        # an event that every option makes alike is not
        self.doubted = False


class SeqPrefix:
    """What an in-place layer inside an ``nn.Sequential`` writes: the output of the
    layers before it at the call ``net(x)``, shown as ``net[:2](x)`` (``x`` itself
    for the first layer)."""

    __slots__ = ("call", "n")

    def __init__(self, call, n):
        self.call, self.n = call, n


def target_text(code_for_node, target):
    """Source text of an event's target: a node, or a ``SeqPrefix``."""
    if not isinstance(target, SeqPrefix):
        return code_for_node(target).strip()
    call = target.call
    if target.n == 0 and call.args:
        return code_for_node(call.args[0].value).strip()
    whole, func = code_for_node(call).strip(), code_for_node(call.func).strip()
    if not whole.startswith(func):
        return whole
    return f"{func}[:{target.n}]{whole[len(func):]}"


class Frame:
    __slots__ = ("vars", "parent", "returns", "func", "yields", "exits", "conds", "loop_at_entry", "ordered")

    def __init__(self, parent=None, func=None):
        self.vars: dict = {}
        # ``if flag:`` joins that later tests of the same flag can take apart
        # (flag_splits.remember_split): [(name, flag value, {var: (joined, if true, if false)},
        # (how the true branch ended its graphs, the false one's))]
        self.conds = None
        self.parent = parent
        self.returns = []
        self.exits = []  # the flow state at each return (and at the end, if reached)
        self.yields = []
        # a generator's yields are its items in order while none ran in a joined loop
        self.loop_at_entry = 0
        self.ordered = True
        self.func = func

    def lookup(self, name):
        f = self
        while f is not None:
            v = f.vars.get(name)
            if v is not None:
                return v
            f = f.parent
        return None


class Snapshot:
    """Facts about a tensor at the moment it was modified."""

    __slots__ = ("rg", "leaf", "view", "base_rg", "base_leaf", "data", "alias_certain", "kind", "alias_op",
                 "origin", "storage")

    def __init__(self, t: Tensor):
        self.rg, self.leaf, self.view, self.data = t.rg, t.leaf, t.view, t.data
        self.alias_certain, self.kind = t.alias_certain, t.kind
        self.alias_op = t.alias_op
        # the version counter(s) written: what the runner groups one root cause's findings by
        self.storage = tuple(m.storage for m in t.members) if t.members else (t.storage,)
        r = t.root()
        # what the modified tensor (or the base of the view) is: a parameter or something made here
        self.origin = "param" if r.kind == "param" or t.kind == "param" else r.kind
        root = t.root() if t.base is not None else None
        self.base_rg = root.rg if root is not None else None
        self.base_leaf = root.leaf if root is not None else None
        if t.data and root is not None:
            self.rg, self.leaf = root.rg, root.leaf


def is_init(chain_entry):
    return chain_entry[0] == "__init__"


def decorator_name(dec: cst.Decorator):
    d = dec.decorator
    if type(d) is cst.Call:
        d = d.func
    parts = []
    while type(d) is cst.Attribute:
        parts.append(d.attr.value)
        d = d.value
    if type(d) is cst.Name:
        parts.append(d.value)
    return ".".join(reversed(parts))


def nonempty(it):
    """Iterating ``it`` surely runs the body at least once."""
    if isinstance(it, Obj):
        return bool(it.items)  # the layers of a ModuleList / Sequential
    if isinstance(it, Seq):
        return bool(it.items) if it.items is not None else it.nonempty
    return False


def dotted(node) -> str:
    """``a.b.c`` for a Name/Attribute chain; "" for anything else (``f().x``)."""
    if type(node) is cst.Name:
        return node.value
    if type(node) is cst.Attribute:
        inner = dotted(node.value)
        return inner + "." + node.attr.value if inner else ""
    return ""


def join_vars(a: dict, b: dict, sa, sb, parts=None, branch=None, idle=None) -> dict:
    """The variables after two paths join; ``parts`` gets {name: (joined, a's, b's)}.
    ``branch``: the paths are the two branches of an ``if`` (not the passes of a loop),
    which began when storages got ids from ``branch`` on (see graph.use).  ``idle``: the
    variables of an inference-only arm (leads to no backward): a save of the join made
    after it is none of its values' concern (TorchSemantics._save)."""
    if a is b:
        return a
    a_only = b_only = None  # (worked out at the first variable the paths disagree on)
    out = dict(a)
    for k, v in b.items():
        av = out.get(k)
        if av is None or av is v:
            out[k] = v
        else:
            if a_only is None:
                a_only, b_only = sa.seen - sb.seen, sb.seen - sa.seen
            pa, pb = hidden_linked(av, b_only), hidden_linked(v, a_only)
            out[k] = join(pa, pb)
            if branch is not None and isinstance(out[k], Tensor) and out[k].paths is True:
                iv = v if idle is b else av if idle is a else None
                quiet = frozenset(m.storage.id for m in (iv.members or [iv])) if isinstance(iv, Tensor) else ()
                out[k].paths = ("if", branch, quiet) if quiet else ("if", branch)
            if parts is not None:
                parts[k] = (out[k], pa, pb)
    return out


def all_params(fnode):
    """A def's parameters that take a name (positional-only, plain and keyword-only)."""
    p = fnode.params
    return list(p.posonly_params) + list(p.params) + list(p.kwonly_params)


def is_main_guard(stmt):
    """``if __name__ == "__main__":`` (a script's program, not run on import)."""
    if type(stmt) is not cst.If or type(stmt.test) is not cst.Comparison or len(stmt.test.comparisons) != 1:
        return False
    t, comp = stmt.test, stmt.test.comparisons[0]
    return type(t.left) is cst.Name and t.left.value == "__name__" and type(comp.operator) is cst.Equal \
        and type(comp.comparator) is cst.SimpleString and comp.comparator.evaluated_value == "__main__"
