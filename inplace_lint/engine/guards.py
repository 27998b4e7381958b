"""What a branch test tells about the path it guards.

``if x.requires_grad: ... else: x.sub_(m)`` runs the in-place op only when x
does not require grad; ``if torch.is_grad_enabled():`` splits on grad mode;
``if not self.training:`` guards an inference-only path (run under no_grad);
``isinstance(x, torch.Tensor)`` and ``x is None`` say what x is.  A branch
whose test contradicts what is known cannot run on this path.

``refine(interp, test, frame, truth)`` returns the facts that hold where
``test`` evaluated to ``truth``: a list of ("var", name, value) and
("grad", flag) items, or ``INFEASIBLE``.
"""
from __future__ import annotations

import libcst as cst

from .values import (
    UNKNOWN_CONST, Alt, BoundMethod, ClassInfo, Const, Dict, Func, GradFlag, LambdaFn, Obj, Partial, Qual,
    Seq, Storage, Tensor,
)
from .graph import use
from .type_tests import isinstance_facts
from .frames import dotted as _dotted
from .pyobjects import truthiness
from .known_constants import _NO, attr_value as _attr_value, compare_constants, constant_value

INFEASIBLE = "infeasible"


class Later:
    """The value of a loop counter after the first iteration: some positive int.  One per
    loop: ``earlier`` holds the epochs of the passes before (what ``xs[i]`` of an earlier
    iteration, another element, saved).  ``stop``: for ``reversed(range(n))``, the
    expression ``n`` (the counter is then some int below ``n - 1``, see First)."""

    __slots__ = ("earlier", "stop", "mark", "pass_mark")

    def __init__(self, stop=None, mark=None):
        self.earlier = frozenset()
        self.stop = stop
        self.mark = mark  # the storage id when the loop began: what is newer was made in it
        self.pass_mark = mark  # ... when this pass began: what is newer was made in this one

    def __repr__(self):
        return "LATER"


class First:
    """The value of a loop counter in the first iteration: 0 (kept apart from a constant 0
    so that ``xs[i]`` stays "some element", as in the other iterations); with ``stop``
    (``reversed(range(n))``), ``n - 1``."""

    __slots__ = ("stop",)

    def __init__(self, stop=None):
        self.stop = stop

    def __repr__(self):
        return "FIRST"


def _counter(value):
    return isinstance(value, (First, Later))


GRAD_ENABLED_FUNCS = {"torch.is_grad_enabled", "torch.autograd.grad_mode.is_grad_enabled"}
# Python's own types, which a tensor is not (and which a dict or a known constant may be)


def refine(interp, test, frame, truth):
    facts = []
    tested, value = interp.tested
    if tested is test and isinstance(value, Const) and truthiness(value) is (not truth):
        # the test was just evaluated to a known constant (``cfg.get("freeze_target", True)``
        # with the entry False, a property's flag): the other arm only runs
        return INFEASIBLE
    if _refine(interp, test, frame, truth, facts) is INFEASIBLE:
        return INFEASIBLE
    return facts


def _refine(interp, test, frame, truth, facts):
    known = _truth(interp, test, frame, 0)
    if known is not None and known != truth:
        return INFEASIBLE  # what is known of grad mode and requires_grad decides the test
    empty = emptiness_test(test)
    if empty is not None and truth == empty[1]:
        x = _attr_value(empty[0], frame)
        if isinstance(x, Tensor) and x.storage.id in interp.filled:
            return INFEASIBLE  # filled once already: the fill does not run again
    return _refine_parts(interp, test, frame, truth, facts)


class _Params:
    """A predicate's parameters bound to the caller's values, for ``_truth``."""

    def __init__(self, values):
        self.values = values

    def lookup(self, name):
        return self.values.get(name)


def _truth(interp, test, frame, depth):
    """The test's value where grad mode and ``requires_grad`` are known: True, False or
    None.  Follows and/or/not and a small predicate of the file (one ``return``), so
    ``if _forward_only(a, b):`` is decided when the caller's tensors surely require grad."""
    if depth > 3:
        return None
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        v = _truth(interp, test.expression, frame, depth)
        return None if v is None else not v
    if type(test) is cst.BooleanOperation:
        a = _truth(interp, test.left, frame, depth)
        b = _truth(interp, test.right, frame, depth)
        if type(test.operator) is cst.And:
            return False if a is False or b is False else (True if a and b else None)
        return True if a is True or b is True else (False if a is False and b is False else None)
    if type(test) is cst.Attribute and test.attr.value == "requires_grad":
        v = _attr_value(test.value, frame)
        return v.rg if isinstance(v, Tensor) and v.rg in (True, False) else None
    if type(test) is cst.Attribute:
        # an object's flag set to a known bool (``self.cache_in_training``)
        v = _attr_value(test.value, frame)
        flag = v.attrs.get(test.attr.value) if isinstance(v, Obj) else None
        return flag.value if isinstance(flag, Const) and type(flag.value) is bool else None
    if type(test) is cst.Call and not test.args and type(test.func) is cst.Attribute \
            and type(test.func.value) is cst.Name:
        # a method of one ``return`` on a known object (``self.use_cache()``)
        obj = frame.lookup(test.func.value.value)
        if isinstance(obj, Obj) and obj.cls is not None:
            m, _ = obj.cls.lookup(test.func.attr.value)
            fnode = m.node if isinstance(m, Func) else m if type(m) is cst.FunctionDef else None
            body = interp.single_return(fnode) if fnode is not None else None
            params = list(fnode.params.params) if body is not None else []
            if body is not None and len(params) == 1:
                return _truth(interp, body, _Params({params[0].name.value: obj}), depth + 1)
    if type(test) is cst.Call:
        if not test.args and interp._resolve_dotted(_dotted(test.func)) in GRAD_ENABLED_FUNCS:
            if getattr(interp, "grad_blind", False):
                return None
            return interp.state.grad if interp.state.grad in (True, False) else None
        if type(test.func) is cst.Name:
            f = frame.lookup(test.func.value)
            body = interp.single_return(f.node) if isinstance(f, Func) and f.bound is None else None
            if body is None:
                return None
            params = list(f.node.params.posonly_params) + list(f.node.params.params)
            if len(test.args) != len(params) or any(a.keyword or a.star or type(a.value) is not cst.Name
                                                     for a in test.args):
                return None
            values = {p.name.value: frame.lookup(a.value.value) for p, a in zip(params, test.args)}
            return _truth(interp, body, _Params(values), depth + 1)
    return None


def _predicate(interp, call, frame):
    """``_forward_only(a, b)``: a function of the file whose body is one ``return <test>``,
    called with as many plain positional arguments as it has parameters.  Returns
    (the test, its parameter names, the caller's argument names) or None."""
    if type(call.func) is not cst.Name:
        return None
    f = frame.lookup(call.func.value)
    if not isinstance(f, Func) or f.bound is not None:
        return None
    body = interp.single_return(f.node)
    params = list(f.node.params.posonly_params) + list(f.node.params.params)
    if body is None or len(call.args) != len(params) or any(
            a.keyword or a.star or type(a.value) is not cst.Name for a in call.args):
        return None
    return f, body, [p.name.value for p in params], [a.value.value for a in call.args]


_PRED_DEPTH = 3


def _refine_predicate(interp, call, frame, truth, facts, pred):
    """What holds where the predicate returned ``truth``: its test, read with the
    caller's values bound to its parameters, stated of the caller's names."""
    f, body, params, names = pred
    depth = getattr(interp, "_pred_depth", 0)
    if depth >= _PRED_DEPTH:
        return None
    from .frames import Frame  # a real frame: the test may name the predicate's globals
    inner = Frame(parent=f.closure or interp.globals)
    inner.vars = {p: frame.lookup(n) for p, n in zip(params, names)}
    to_caller = dict(zip(params, names))
    found = []
    interp._pred_depth = depth + 1
    try:
        verdict = _refine_parts(interp, body, inner, truth, found)
    finally:
        interp._pred_depth = depth
    if verdict is INFEASIBLE:
        return INFEASIBLE
    for fact in found:
        if fact[0] == "var":
            if fact[1] in to_caller:
                facts.append(("var", to_caller[fact[1]], fact[2]))
        else:
            facts.append(fact)  # grad mode, and facts about values (not names)
    return None


def _either(left, right):
    """The facts that hold when the facts ``left`` or the facts ``right`` hold.  Grad mode
    off, or a tensor that does not require grad, both mean that what is computed from
    that tensor from now on does not require grad (a "nograd" fact that reaches only
    tensors made after a mark); only when both sides say the tensor does not require
    grad do values computed from it earlier lose grad too."""
    out = [f for f in left if f in right]  # the same fact on both sides
    # ``isinstance(m, A) or isinstance(m, B)``: m is one of the objects either side kept
    kept_r = {f[1]: f[2] for f in right if f[0] == "var" and isinstance(f[2], (Obj, Alt))}
    for f in left:
        if f[0] == "var" and isinstance(f[2], (Obj, Alt)) and f[1] in kept_r and f not in out:
            opts = [o for v in (f[2], kept_r[f[1]]) for o in (v.options if isinstance(v, Alt) else [v])]
            opts = [o for i, o in enumerate(opts) if all(o is not p for p in opts[:i])]
            out.append(("var", f[1], opts[0] if len(opts) == 1 else Alt(opts)))
    off_l, off_r = ("grad", False) in left, ("grad", False) in right
    now = fresh_mark()

    def roots(facts):
        return {id(f[1]): f for f in facts if f[0] == "nograd"}

    rl, rr = roots(left), roots(right)
    for key in set(rl) | set(rr):
        f, g = rl.get(key), rr.get(key)
        if (f is not None or off_l) and (g is not None or off_r):
            marks = [h[2] for h in (f, g) if h is not None] + [now] * (f is None or g is None)
            known = [m for m in marks if m is not None]
            fact = ("nograd", (f or g)[1], max(known) if known else None)
            if fact not in out:
                out.append(fact)
    return out


def fresh_mark():
    """A point in the analysis: tensors made after it have storages with larger ids."""
    return Storage().id


def single_return(fnode):
    """The expression of a function whose body is one ``return <expression>`` (after a
    docstring), else None."""
    stmts = _statements(fnode)
    if len(stmts) == 1 and type(stmts[0]) is cst.SimpleStatementLine and len(stmts[0].body) == 1 and \
            type(stmts[0].body[0]) is cst.Return and stmts[0].body[0].value is not None:
        return stmts[0].body[0].value
    return None


def _statements(fnode):
    """A function's statements, its docstring left out."""
    stmts = fnode.body.body if type(fnode.body) is cst.IndentedBlock else ()
    return [s for s in stmts if not (type(s) is cst.SimpleStatementLine and len(s.body) == 1
                                     and type(s.body[0]) is cst.Expr
                                     and type(s.body[0].value) is cst.SimpleString)]


def dispatcher(fnode):
    """A method that only hands on a call: at most two statements, each a simple line or a
    ``for``/``if`` (no else) around one (``for cb in self.callbacks: cb.on_event(e, s)``,
    ``if event == self.event: self.metric.update(...)``).  Followed past the depth limit
    like a one-line method: callbacks and hooks sit several such calls deep."""
    stmts = _statements(fnode)
    if not 0 < len(stmts) <= 2:
        return False
    for st in stmts:
        if isinstance(st, (cst.For, cst.If)):
            if getattr(st, "orelse", None) is not None or type(st.body) is not cst.IndentedBlock \
                    or len(st.body.body) != 1 or type(st.body.body[0]) is not cst.SimpleStatementLine:
                return False
        elif type(st) is not cst.SimpleStatementLine:
            return False
    return True


def _refine_parts(interp, test, frame, truth, facts):
    # parts need no _truth of their own: the whole test's three-valued value already
    # contradicts ``truth`` whenever a part that must hold is known not to
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        return _refine_parts(interp, test.expression, frame, not truth, facts)
    if type(test) is cst.BooleanOperation:
        both = (type(test.operator) is cst.And) == truth  # "a and b" true, "a or b" false: both hold
        if both:
            for side in (test.left, test.right):
                if _refine_parts(interp, side, frame, truth, facts) is INFEASIBLE:
                    return INFEASIBLE
            return None
        # one side holds ("a or b" true, "a and b" false): what follows from either
        left, right = [], []
        lv = _refine_parts(interp, test.left, frame, truth, left)
        rv = _refine_parts(interp, test.right, frame, truth, right)
        if lv is INFEASIBLE and rv is INFEASIBLE:
            return INFEASIBLE
        facts.extend(right if lv is INFEASIBLE else left if rv is INFEASIBLE else _either(left, right))
        return None
    if type(test) is cst.Attribute and test.attr.value == "requires_grad":
        v = _attr_value(test.value, frame)
        if isinstance(v, Tensor):
            if v.rg is (not truth):
                return INFEASIBLE
            if not truth:
                # only the safe direction: "does not require grad" removes hazards;
                # "requires grad" on a path picked by a test is not made certain
                facts.append(("nograd", v, None))
        return None
    if type(test) is cst.Attribute and test.attr.value == "training":
        if not truth:
            # eval mode: an inference-only path, run under no_grad: nothing made
            # on the way here was recorded for a backward
            facts.append(("grad", False))
            facts.append(("inference",))
        return None
    if type(test) is cst.Call:
        known = constant_value(interp, test, frame)  # ``name.startswith("encoder.")`` on a known name
        if known is not _NO:
            return INFEASIBLE if bool(known) != truth else None
        pred = _predicate(interp, test, frame)
        if pred is not None:
            return _refine_predicate(interp, test, frame, truth, facts, pred)
        name = interp._resolve_dotted(_dotted(test.func))
        if name in GRAD_ENABLED_FUNCS and not test.args:
            if getattr(interp, "grad_blind", False):
                return None  # (see flag(): the grad mode may differ where the flag is tested)
            if interp.state.grad is (not truth):
                return INFEASIBLE
            facts.append(("grad", truth))
            return None
        if name in ("isinstance", "builtins.isinstance") and len(test.args) == 2 and \
                type(test.args[0].value) is cst.Name:
            return INFEASIBLE if isinstance_facts(interp, test, frame, truth, facts) else None
        return None
    if type(test) is cst.Name:
        if test.value in ("True", "False"):  # (``x if True else y``: a literal decides)
            return INFEASIBLE if (test.value == "True") != truth else None
        v = frame.lookup(test.value)
        if isinstance(v, GradFlag):
            return _flag_facts(interp, v, frame, truth, facts)
        if isinstance(v, Const) and _counter(v.value):
            if v.value.stop is not None:
                return None  # counting down to 0: any pass may be the one at 0
            truthy = isinstance(v.value, Later) or not isinstance(v.value, First) and bool(v.value)
            if truthy != truth:
                return INFEASIBLE
        elif truthiness(v) is (not truth):  # a known number, string, None, non-empty list or dict
            return INFEASIBLE
        return None
    if type(test) is cst.Attribute:
        # ``if self.add_self_loops:`` on a flag the constructor set (a default or an argument)
        v = _attr_value(test, frame)  # (or a number: ``if self.usage_weight:``; a class: ``if self.ClassAct:``)
        if truthiness(v) is (not truth):
            return INFEASIBLE
        return None
    if type(test) is cst.Comparison and len(test.comparisons) == 1:
        holds = compare_constants(interp, test, frame)
        if holds is not None:
            return INFEASIBLE if holds != truth else None
    if type(test) is cst.Comparison and len(test.comparisons) == 1 and type(test.left) is cst.Attribute:
        # ``self.max_norm is not None``: an attribute the constructor set from a default
        comp = test.comparisons[0]
        if type(comp.comparator) is cst.Name and comp.comparator.value == "None" and \
                isinstance(comp.operator, (cst.Is, cst.IsNot)):
            is_none = truth == (type(comp.operator) is cst.Is)
            v = _attr_value(test.left, frame)
            if is_none and (isinstance(v, Obj) or made_tensor(v)):
                return INFEASIBLE
            if not is_none and isinstance(v, Const) and v.value is None and v is not UNKNOWN_CONST:
                return INFEASIBLE
        return None
    if type(test) is cst.Comparison and len(test.comparisons) == 1:
        holds = _compare_to_stop(test, frame)
        if holds is not None:
            return INFEASIBLE if holds != truth else None
    if type(test) is cst.Comparison and len(test.comparisons) == 1 and type(test.left) is cst.Name:
        comp = test.comparisons[0]
        v = frame.lookup(test.left.value)
        if isinstance(v, Const) and _counter(v.value) and v.value.stop is not None:
            return None  # counting down from an unknown n - 1: not against a number
        k = None
        if isinstance(v, Const) and (_counter(v.value) or type(v.value) is int):
            if type(comp.comparator) is cst.Integer:
                try:
                    k = int(comp.comparator.value.replace("_", ""), 0)
                except ValueError:
                    return None
            elif _counter(v.value):
                # ``i == self.num_layers - 1`` with the count known: the first pass is i == 0
                known = constant_value(interp, comp.comparator, frame)
                k = known if type(known) is int else None
        if k is not None:
            holds = _compare_counter(0 if isinstance(v.value, First) else v.value, comp.operator, k)
            if holds is not None and holds != truth:
                return INFEASIBLE
            return None
        if type(comp.comparator) is cst.Name and comp.comparator.value == "None" and \
                isinstance(comp.operator, (cst.Is, cst.IsNot)):
            is_none = truth == (type(comp.operator) is cst.Is)
            v = frame.lookup(test.left.value)
            if is_none and (never_none(v) or made_tensor(v)):
                return INFEASIBLE  # a tensor or module made here, a class, a known value: not None
            if not is_none and isinstance(v, Const) and v.value is None and v is not UNKNOWN_CONST:
                return INFEASIBLE
            if is_none and isinstance(v, Tensor):
                # None on this path: nothing computed from it carries grad (which makes
                # ``x is None or not x.requires_grad`` say so of x on both sides)
                facts.append(("nograd", v, None))
        return None
    return None


def made_tensor(v):
    """A tensor made here (not an argument or an opaque result, not a join of several, on no
    path None): ``v is None`` does not hold."""
    return isinstance(v, Tensor) and v.kind not in ("arg", "opaque", "input") and not v.members \
        and not v.maybe_none


def never_none(v):
    """A module, class, function, partial, list, dict or known constant other than None."""
    if isinstance(v, Const):
        return v is not UNKNOWN_CONST and v.value is not None
    return isinstance(v, (Obj, Qual, ClassInfo, Func, Seq, Dict, Partial, BoundMethod, LambdaFn))


def _offset(node, frame):
    """``node`` as (counter, k) for ``i + k`` / ``i - k`` / ``i`` with ``i`` a loop counter
    that counts down from ``n - 1`` (see First), or as (stop expression, k) for ``n - k``;
    None otherwise."""
    k = 0
    if type(node) is cst.BinaryOperation and type(node.right) is cst.Integer and \
            isinstance(node.operator, (cst.Add, cst.Subtract)):
        try:
            k = int(node.right.value.replace("_", ""), 0)
        except ValueError:
            return None
        k = k if isinstance(node.operator, cst.Add) else -k
        node = node.left
    if type(node) is cst.Name:
        v = frame.lookup(node.value)
        if isinstance(v, Const) and _counter(v.value) and v.value.stop is not None:
            return v.value, k
    text = _dotted(node)
    return (text, k) if text else None


def _compare_to_stop(test, frame):
    """``t < T - 1``, ``t == T - 1``, ``t + 1 < T`` for ``t`` of ``reversed(range(T))``: the
    first pass has ``t == T - 1``, every later pass ``t <= T - 2``.  None when unknown."""
    comp = test.comparisons[0]
    left, right = _offset(test.left, frame), _offset(comp.comparator, frame)
    if left is None or right is None:
        return None
    if isinstance(right[0], (First, Later)) and not isinstance(left[0], (First, Later)):
        flipped = {cst.LessThan: cst.GreaterThan, cst.GreaterThan: cst.LessThan,
                   cst.LessThanEqual: cst.GreaterThanEqual, cst.GreaterThanEqual: cst.LessThanEqual,
                   cst.Equal: cst.Equal, cst.NotEqual: cst.NotEqual}.get(type(comp.operator))
        left, right, op = right, left, flipped
    else:
        op = type(comp.operator)
    if op not in _RELATIONS:
        return None
    counter, stop = left[0], right[0]
    if not isinstance(counter, (First, Later)) or not isinstance(stop, str) or stop != _dotted(counter.stop):
        return None
    # counter + a OP stop + b, i.e. (counter - stop) OP b - a, with counter - stop == -1
    # on the first pass and <= -2 on the later ones
    bound = right[1] - left[1]
    if isinstance(counter, First):
        return _RELATIONS[op](-1, bound)
    if bound >= -1:  # every value <= -2 lies below it
        return {cst.LessThan: True, cst.LessThanEqual: True, cst.Equal: False, cst.NotEqual: True,
                cst.GreaterThan: False, cst.GreaterThanEqual: False}.get(op)
    return None


_RELATIONS = {cst.LessThan: lambda a, b: a < b, cst.LessThanEqual: lambda a, b: a <= b,
              cst.Equal: lambda a, b: a == b, cst.NotEqual: lambda a, b: a != b,
              cst.GreaterThan: lambda a, b: a > b, cst.GreaterThanEqual: lambda a, b: a >= b}


def _compare_counter(value, op, k):
    """``value <op> k`` for a loop counter (an int, or LATER: some int >= 1); None when unknown."""
    if isinstance(value, Later):
        if k <= 0:
            return {cst.Equal: False, cst.NotEqual: True, cst.GreaterThan: True, cst.GreaterThanEqual: True,
                    cst.LessThan: False, cst.LessThanEqual: False}.get(type(op))
        if k == 1:
            return {cst.GreaterThanEqual: True, cst.LessThan: False}.get(type(op))
        return None
    return {cst.Equal: value == k, cst.NotEqual: value != k, cst.GreaterThan: value > k,
            cst.GreaterThanEqual: value >= k, cst.LessThan: value < k, cst.LessThanEqual: value <= k}.get(type(op))


def _with_rg(v: Tensor, rg):
    if v.rg is rg:
        return v
    t = v.copy(rg=rg)
    if not rg and t.kind != "param":
        t.leaf = True if v.view is None else t.leaf
    if t.members:
        t.members = [_with_rg(m, rg) for m in t.members]
    return t


def apply(interp, frame, facts):
    for f in facts:
        if f[0] == "var":
            frame.vars[f[1]] = f[2]
        elif f[0] == "nograd":
            _no_grad_from(frame, {id(f[1])}, f[2])
        elif f[0] == "grad":
            interp.state.grad = f[1]
        elif f[0] == "inference":
            interp.state.dead = interp.state.dead | interp.state.seen.full()
            interp.state.new_epoch()


def _no_grad_from(frame, roots, after=None):
    """On this path the tensors ``roots`` do not require grad.  Neither does any value
    computed only from them (and from tensors that do not require grad), and the saves
    of every op whose output is such a value never happened: torch records nothing for
    an op none of whose inputs requires grad.  (requires_grad only goes from False to
    True, so what the roots are now they were when those values were computed.)
    With ``after`` (a mark): only what was made after it (grad mode may have been off
    since then instead)."""
    memo = {}
    for name, v in list(frame.vars.items()):
        if not isinstance(v, Tensor):
            continue
        gone = frozenset(s for s in v.visible_saves()
                         if isinstance(s.out, Tensor) and only_from(s.out, roots, memo, after))
        new = _with_rg(v, False) if only_from(v, roots, memo, after) else v
        if gone:
            new = new.copy(ruled_out=(new.ruled_out | gone) if new.ruled_out else gone)
        if new is not v:
            # the name holds a copy on this path: whatever uses the name after the
            # paths join no longer reaches the original, so take it as used
            use(v)
            frame.vars[name] = new


_MAX_WALK = 4000


def only_from(t, roots, memo, after=None, budget=None):
    """Whether tensor ``t`` cannot require grad given that the tensors ``roots`` (ids) do
    not: its graph comes only from them (through tensors made after the mark ``after``,
    when given).  ``Tensor.srcs`` lists the differentiable inputs of the op that made a
    tensor; a tensor whose own origin is not traced there (an argument, a parameter, an
    opaque result) is not one of them, nor is an incomplete list.  Unproven (cycles, a
    long walk) counts as no."""
    budget = budget if budget is not None else [_MAX_WALK]
    key = id(t)
    if key in memo:
        return memo[key]
    if key in roots or t.rg is False:
        return True
    if t.rg is True or after is not None and not t.members and t.storage.id <= after:
        return False  # something else makes it require grad, or made before the mark
    budget[0] -= 1
    if budget[0] <= 0:
        return False
    memo[key] = False  # while walking: a cycle proves nothing
    parts = list(t.members or ())
    if t.srcs:
        if len(t.srcs) >= 16:
            return False  # link() keeps at most 16: the rest are not listed
        parts += t.srcs
    if t.base is not None and not t.data:
        parts.append(t.base)  # (a view's graph is its base's: ``y[..., 0, :]`` of the root y)
    if not parts:
        return False  # of untraced origin
    ok = all(isinstance(p, Tensor) and only_from(p, roots, memo, after, budget) for p in parts)
    memo[key] = ok
    return ok


def _boolish(interp, expr, frame, depth):
    """Whether ``expr`` surely gives a bool (what the abstract value may not say:
    ``not x.requires_grad`` of an argument evaluates to a tensor-like unknown)."""
    if depth > 6:
        return False
    if type(expr) is cst.UnaryOperation:
        return type(expr.operator) is cst.Not
    if type(expr) is cst.Comparison:
        return all(isinstance(c.operator, (cst.Is, cst.IsNot, cst.In, cst.NotIn)) for c in expr.comparisons)
    if type(expr) is cst.BooleanOperation:
        return _boolish(interp, expr.left, frame, depth + 1) and _boolish(interp, expr.right, frame, depth + 1)
    if type(expr) is cst.Attribute:
        return expr.attr.value in ("requires_grad", "training", "is_leaf")
    if type(expr) is cst.Name:
        v = frame.lookup(expr.value)
        return isinstance(v, GradFlag) or isinstance(v, Const) and isinstance(v.value, bool)
    if type(expr) is cst.Call:
        name = interp._resolve_dotted(_dotted(expr.func))
        return name in GRAD_ENABLED_FUNCS or name in ("isinstance", "builtins.isinstance") or \
            _predicate(interp, expr, frame) is not None
    return False


def flag(interp, expr, frame, value):
    """``in_place = not (torch.is_grad_enabled() and x.requires_grad)``: a bool that
    carries what its test tells, for wherever it is tested later (``if in_place:``, also
    in a function it is passed to).  The facts are taken now, of the values now; they
    are checked again where the flag is tested (``_flag_facts``)."""
    if isinstance(value, GradFlag) or isinstance(value, Const) and isinstance(value.value, bool) or \
            not _boolish(interp, expr, frame, 0):
        return value  # (a known bool stays one: ``inplace=flag`` reads it)
    seen = {truth: refine(interp, expr, frame, truth) for truth in (True, False)}
    if all(f == [] for f in seen.values()):
        return value  # tells nothing either way
    interp.grad_blind = True
    try:
        blind = {truth: refine(interp, expr, frame, truth) for truth in (True, False)}
    finally:
        interp.grad_blind = False
    known = value.value if isinstance(value, Const) and isinstance(value.value, bool) else None
    if seen[True] is INFEASIBLE and seen[False] is not INFEASIBLE:
        known = False
    elif seen[False] is INFEASIBLE and seen[True] is not INFEASIBLE:
        known = True
    out = GradFlag(known)
    out.facts, out.blind, out.version = seen, blind, interp.grad_version
    out.roots, out.names = {}, {}
    for facts in list(seen.values()) + list(blind.values()):
        for f in (facts if facts is not INFEASIBLE else ()):
            if f[0] == "nograd":
                out.roots[id(f[1])] = len(f[1].srcs or ())
            elif f[0] == "var":
                out.names[f[1]] = frame.lookup(f[1])
    return out


def _flag_facts(interp, v, frame, truth, facts):
    """What testing flag ``v`` tells.  Grad mode facts hold only while no grad mode was
    set since the flag was made (``grad_version``); a tensor said not to require grad
    must not have been written with one that does since; a name must still hold the
    value it held."""
    found = (v.facts if v.version == interp.grad_version else v.blind)[truth]
    if found is INFEASIBLE:
        return INFEASIBLE
    for f in found:
        if f[0] == "nograd":
            if f[1].rg is True or len(f[1].srcs or ()) != v.roots.get(id(f[1])):
                continue
        elif f[0] == "var":
            if frame.lookup(f[1]) is not v.names.get(f[1]):
                continue
        facts.append(f)
    return None


def flag_covers(interp, v, values):
    """The names of ``values`` (a call's arguments) that cannot require grad wherever
    flag ``v`` is true: derived only from a tensor its test says does not require
    grad, or all of them when it says grad mode is off."""
    found = (v.facts if v.version == interp.grad_version else v.blind)[True]
    if found is INFEASIBLE:
        return frozenset(values)  # never true
    if ("grad", False) in found:
        return frozenset(values)
    roots = [f for f in found if f[0] == "nograd" and f[1].rg is not True
             and len(f[1].srcs or ()) == v.roots.get(id(f[1]))]
    out = set()
    for name, t in values.items():
        if isinstance(t, (Const, GradFlag)):
            out.add(name)  # None, a number: no grad
        elif isinstance(t, Tensor) and (t.rg is False or any(only_from(t, {id(f[1])}, {}, f[2]) for f in roots)):
            out.add(name)
    return frozenset(out)


def param_flag(interp, covered):
    """A parameter that is a flag at every call: where it is true, the parameters
    ``covered`` (name -> this analysis's value) cannot require grad."""
    facts = [("nograd", t, None) for t in covered.values() if isinstance(t, Tensor)]
    out = GradFlag(None)
    out.facts = {True: facts, False: []}
    out.blind = {True: [], False: []}  # (grad mode set inside: nothing assumed)
    out.version = interp.grad_version
    out.roots = {id(t): len(t.srcs or ()) for t in covered.values() if isinstance(t, Tensor)}
    out.names = {}
    return out


# a run-once fill: ``if self.fb.numel() == 0: self.fb.resize_(...); self.fb.copy_(...)``
_SIZE_METHODS = ("numel", "nelement")
_FILLS = ("resize_", "set_", "copy_")


def emptiness_test(test):
    """``X.numel() == 0``, ``not X.numel()``, ``X.numel() > 0``: (X's expression, whether the
    test holds when X is empty); None for other tests."""
    if type(test) is cst.UnaryOperation and type(test.operator) is cst.Not:
        x = _numel_of(test.expression)
        return None if x is None else (x, True)
    if type(test) is cst.Comparison and len(test.comparisons) == 1:
        comp = test.comparisons[0]
        x = _numel_of(test.left)
        if x is not None and type(comp.comparator) is cst.Integer and comp.comparator.value == "0":
            if type(comp.operator) is cst.Equal:
                return x, True
            if type(comp.operator) in (cst.NotEqual, cst.GreaterThan):
                return x, False
    return None


def _numel_of(e):
    if type(e) is cst.Call and not e.args and type(e.func) is cst.Attribute and e.func.attr.value in _SIZE_METHODS:
        return e.func.value
    return None


class _FillFinder(cst.CSTVisitor):
    def __init__(self, target):
        self.target, self.found = target, False

    def visit_Call(self, node):
        f = node.func
        if type(f) is cst.Attribute and f.attr.value in _FILLS and f.value.deep_equals(self.target):
            self.found = True
        return not self.found


def note_fill(interp, node, frame):
    """After ``if X.numel() == 0:`` whose arm for an empty X resizes or copies into X: X is
    not empty on any path that goes on (filled there, or not empty already), so a later test
    of it (the next call of the same ``forward``) does not run the fill again."""
    empty = emptiness_test(node.test)
    if empty is None:
        return
    x_node, when_empty = empty
    arm = node.body if when_empty else node.orelse
    if arm is None or type(arm) is cst.If:
        return
    finder = _FillFinder(x_node)
    arm.visit(finder)
    if finder.found:
        x = _attr_value(x_node, frame)
        if isinstance(x, Tensor):
            interp.filled.add(x.storage.id)
