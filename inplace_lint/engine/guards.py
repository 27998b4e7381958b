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

from .values import Const, Obj, Qual, Tensor, UNKNOWN_CONST

INFEASIBLE = "infeasible"


class _Later:
    """The value of a loop counter after the first iteration: some positive int."""

    def __repr__(self):
        return "LATER"


LATER = _Later()
GRAD_ENABLED_FUNCS = {"torch.is_grad_enabled", "torch.autograd.grad_mode.is_grad_enabled"}
TENSOR_CLASSES = {"torch.Tensor", "torch.nn.Parameter", "torch.nn.parameter.Parameter", "torch.FloatTensor"}
NOT_TENSOR = {"builtins.int", "builtins.float", "builtins.bool", "builtins.str", "builtins.list",
              "builtins.tuple", "builtins.dict"}


def refine(interp, test, frame, truth):
    facts = []
    if _refine(interp, test, frame, truth, facts) is INFEASIBLE:
        return INFEASIBLE
    return facts


def _refine(interp, test, frame, truth, facts):
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return _refine(interp, test.expression, frame, not truth, facts)
    if isinstance(test, cst.BooleanOperation):
        both = isinstance(test.operator, cst.And) == truth  # "a and b" true, "a or b" false: both hold
        if both:
            for side in (test.left, test.right):
                if _refine(interp, side, frame, truth, facts) is INFEASIBLE:
                    return INFEASIBLE
        return None
    if isinstance(test, cst.Attribute) and test.attr.value == "requires_grad" and isinstance(test.value, cst.Name):
        v = frame.lookup(test.value.value)
        if isinstance(v, Tensor):
            if v.rg is (not truth):
                return INFEASIBLE
            facts.append(("var", test.value.value, _with_rg(v, truth)))
        return None
    if isinstance(test, cst.Attribute) and test.attr.value == "training":
        if not truth:
            # eval mode: an inference-only path, run under no_grad: nothing made
            # on the way here was recorded for a backward
            facts.append(("grad", False))
            facts.append(("inference",))
        return None
    if isinstance(test, cst.Call):
        name = interp._resolve_dotted(_dotted(test.func))
        if name in GRAD_ENABLED_FUNCS and not test.args:
            if interp.state.grad is (not truth):
                return INFEASIBLE
            facts.append(("grad", truth))
            return None
        if name in ("isinstance", "builtins.isinstance") and len(test.args) == 2 and \
                isinstance(test.args[0].value, cst.Name):
            return _isinstance(interp, test, frame, truth, facts)
        return None
    if isinstance(test, cst.Name):
        v = frame.lookup(test.value)
        if isinstance(v, Const) and (v.value is LATER or type(v.value) in (int, bool)):
            if bool(v.value is LATER or v.value) != truth:
                return INFEASIBLE
        return None
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and isinstance(test.left, cst.Name):
        comp = test.comparisons[0]
        v = frame.lookup(test.left.value)
        if isinstance(comp.comparator, cst.Integer) and isinstance(v, Const) and (
                v.value is LATER or type(v.value) is int):
            try:
                k = int(comp.comparator.value.replace("_", ""), 0)
            except ValueError:
                return None
            holds = _compare_counter(v.value, comp.operator, k)
            if holds is not None and holds != truth:
                return INFEASIBLE
            return None
        if isinstance(comp.comparator, cst.Name) and comp.comparator.value == "None" and \
                isinstance(comp.operator, (cst.Is, cst.IsNot)):
            is_none = truth == isinstance(comp.operator, cst.Is)
            v = frame.lookup(test.left.value)
            if is_none and (isinstance(v, Obj) or isinstance(v, Tensor) and v.kind not in (
                    "arg", "opaque", "input") and not v.members):
                return INFEASIBLE  # a tensor or module made here is not None
            if not is_none and isinstance(v, Const) and v.value is None and v is not UNKNOWN_CONST:
                return INFEASIBLE
        return None
    return None


def _compare_counter(value, op, k):
    """``value <op> k`` for a loop counter (an int, or LATER: some int >= 1); None when unknown."""
    if value is LATER:
        if k <= 0:
            return {cst.Equal: False, cst.NotEqual: True, cst.GreaterThan: True, cst.GreaterThanEqual: True,
                    cst.LessThan: False, cst.LessThanEqual: False}.get(type(op))
        if k == 1:
            return {cst.GreaterThanEqual: True, cst.LessThan: False}.get(type(op))
        return None
    return {cst.Equal: value == k, cst.NotEqual: value != k, cst.GreaterThan: value > k,
            cst.GreaterThanEqual: value >= k, cst.LessThan: value < k, cst.LessThanEqual: value <= k}.get(type(op))


def _isinstance(interp, test, frame, truth, facts):
    name = test.args[0].value.value
    v = frame.lookup(name)
    cls = interp.eval(test.args[1].value, frame)
    qual = cls.name if isinstance(cls, Qual) else None
    if qual in TENSOR_CLASSES:
        if isinstance(v, Tensor):
            known = v.kind not in ("arg", "opaque")
            if not truth and known and not v.members:
                return INFEASIBLE
            if not truth:
                facts.append(("var", name, UNKNOWN_CONST))  # not a tensor on this path
            elif not known:
                facts.append(("var", name, v.copy(kind="input")))
        elif v is not None and not isinstance(v, Tensor) and truth and not _unknown(v):
            return INFEASIBLE
    elif qual in NOT_TENSOR and isinstance(v, Tensor) and truth:
        if v.kind not in ("arg", "opaque") and not v.members:
            return INFEASIBLE
        facts.append(("var", name, UNKNOWN_CONST))
    return None


def _unknown(v):
    return isinstance(v, Const) and v.value is None


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
        elif f[0] == "grad":
            interp.state.grad = f[1]
        elif f[0] == "inference":
            interp.state.dead |= interp.state.seen
            interp.state.new_epoch()


def _dotted(node):
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = _dotted(node.value)
        return inner + "." + node.attr.value if inner else ""
    return ""


def nograd_only_helpers(interp, module):
    """Names of private functions/methods whose every call site in the file runs with grad disabled
    (inside ``with torch.no_grad():`` or a function decorated ``@torch.no_grad()``)."""
    calls: dict = {}  # name -> list of "call site is in no-grad" flags

    class Visitor(cst.CSTVisitor):
        def __init__(self):
            self.depth = [0]  # no-grad nesting, one entry per function

        def visit_FunctionDef(self, node):
            off = any(_nograd(interp, d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator)
                      for d in node.decorators)
            self.depth.append(1 if off else 0)

        def leave_FunctionDef(self, node):
            self.depth.pop()

        def visit_With(self, node):
            if any(isinstance(i.item, cst.Call) and _nograd(interp, i.item.func) for i in node.items):
                self.depth[-1] += 1

        def leave_With(self, node):
            if any(isinstance(i.item, cst.Call) and _nograd(interp, i.item.func) for i in node.items):
                self.depth[-1] -= 1

        def visit_Call(self, node):
            f = node.func
            name = None
            if isinstance(f, cst.Name):
                name = f.value
            elif isinstance(f, cst.Attribute) and isinstance(f.value, cst.Name) and f.value.value in ("self", "cls"):
                name = f.attr.value
            if name is not None and name.startswith("_") and not name.startswith("__"):
                calls.setdefault(name, []).append(self.depth[-1] > 0)

    module.visit(Visitor())
    return {name for name, flags in calls.items() if flags and all(flags)}


def _nograd(interp, func):
    from .torch_semantics import NO_GRAD_CTX

    return NO_GRAD_CTX.get(interp._resolve_dotted(_dotted(func))) is False
