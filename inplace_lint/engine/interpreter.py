"""The analysis engine: one abstract interpretation of a file.

It runs the module body, then every function and method, over abstract values
(``values.py``), following calls into functions and classes of the same file
(so a helper that mutates its argument is judged with the caller's tensors).
At each in-place site it records an ``Event`` of facts; rules judge them.

This module is the Python half: statements, control flow, names, assignment,
expressions, calls into the file's own functions and classes.  What calls into
torch mean lives in ``torch_semantics.py``; per-op facts in the generated
``inplace_lint.knowledge``.
"""
from __future__ import annotations

import libcst as cst

from ..knowledge import load as load_knowledge
from . import guards
from . import params as param_kinds
from .budget import TWO_PASS_LOOP_DEPTH, Incomplete, hard_budget, stop_reason
from .heap import Heap, Journal
from .project import hooks as project_hooks
from .state import State
from .torch_semantics import HARMLESS_METHODS, MODULE_CONTAINERS, NO_GRAD_CTX, TorchSemantics, _p
from .values import (
    UNKNOWN_CONST, Alt, AltCallable, BoundMethod, ClassInfo, Const, Dict, Func, GradCtx, Obj, Qual, Seq,
    Starred, SuperRef, Tensor, copy_obj, hidden, link, reaches, join, join_all, opaque, result_tensor, t_and, t_or, use,
)

BINOPS = {
    "Add": "add", "Subtract": "sub", "Multiply": "mul", "Divide": "div", "FloorDivide": "floor_divide",
    "Modulo": "remainder", "Power": "pow", "MatrixMultiply": "matmul", "BitAnd": "bitwise_and",
    "BitOr": "bitwise_or", "BitXor": "bitwise_xor", "LeftShift": "bitwise_left_shift",
    "RightShift": "bitwise_right_shift",
}
AUGOPS = {
    "AddAssign": "add_", "SubtractAssign": "sub_", "MultiplyAssign": "mul_", "DivideAssign": "div_",
    "FloorDivideAssign": "floor_divide_", "ModuloAssign": "remainder_", "PowerAssign": "pow_",
    "MatrixMultiplyAssign": None, "BitAndAssign": "bitwise_and_", "BitOrAssign": "bitwise_or_",
    "BitXorAssign": "bitwise_xor_", "LeftShiftAssign": "bitwise_left_shift_",
    "RightShiftAssign": "bitwise_right_shift_",
}
MAX_DEPTH = 4


class RawEvent:
    """An event before positions are resolved (nodes instead of line numbers)."""

    __slots__ = ("kind", "op", "node", "target_node", "tensor", "grad", "saves", "out_rg", "related_node",
                 "related_message", "chain", "basic_index", "stmt", "related_stmt", "previous", "env", "anchor",
                 "caller_target")

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


class Frame:
    __slots__ = ("vars", "parent", "returns", "func", "yields")

    def __init__(self, parent=None, func=None):
        self.vars: dict = {}
        self.parent = parent
        self.returns = []
        self.yields = []
        self.func = func

    def lookup(self, name):
        f = self
        while f is not None:
            v = f.vars.get(name)
            if v is not None:
                return v
            f = f.parent
        return None


def _decorator_name(dec: cst.Decorator):
    d = dec.decorator
    if isinstance(d, cst.Call):
        d = d.func
    parts = []
    while isinstance(d, cst.Attribute):
        parts.append(d.attr.value)
        d = d.value
    if isinstance(d, cst.Name):
        parts.append(d.value)
    return ".".join(reversed(parts))


class Interpreter(TorchSemantics):
    def __init__(self, module: cst.Module, knowledge=None, project=None, path=None):
        self.module = module
        self.k = knowledge or load_knowledge()
        self.events: list = []
        self.globals = Frame()
        project_hooks.setup(self, project, path)  # whole-project analysis (engine/project)
        self.chain: tuple = ()  # inline call stack: ((func name, call node), ...)
        self.funcs: list = []  # the functions being interpreted (recursion guard, super())
        self.steps = 0
        self.budget = 200_000
        self.hard_budget = hard_budget(self.budget)  # run() sizes both to the file
        self.doubt = 0  # > 0 while following one of several possible objects
        self.in_seq = 0  # > 0 while applying the layers of an nn.Sequential
        # Positions are resolved per statement (see engine.positions), so every
        # recorded node carries the statement it lies in.
        self.cur_stmt = None
        self.loop_depth = 0
        self.state = State()
        self._standalone_instances: dict = {}
        self._call_grads: dict = {}  # id(function node) -> grad mode at each inlined call
        self.heap = Heap()
        self.named: list = []  # tensors bound to names (see run())
        self.pending: list = []  # (event, saves held by retain_graph) (see mutate())
        self.loop_earlier: list = []  # per enclosing loop: the epochs of its earlier passes
        self._stmt = {
            cst.SimpleStatementLine: self._simple_line, cst.If: self._if, cst.For: self._for,
            cst.While: self._while, cst.With: self._with, cst.Try: self._try, cst.TryStar: self._try,
            cst.FunctionDef: self._funcdef, cst.ClassDef: self._classdef,
        }
        for small in (cst.Expr, cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return, cst.Raise, cst.Break,
                      cst.Continue, cst.Assert, cst.Import, cst.ImportFrom):
            self._stmt[small] = self._small  # the small statements of a one-line suite: ``if c: x.add_(1)``
        self._expr = {getattr(cst, k): v for k, v in {
            "Name": self._name, "Attribute": self._attribute, "Call": self._call, "Subscript": self._subscript,
            "BinaryOperation": self._binop, "UnaryOperation": self._unaryop, "BooleanOperation": self._boolop,
            "Comparison": self._compare, "IfExp": self._ifexp, "Tuple": self._tuple, "List": self._list,
            "Set": self._list, "Dict": self._dict, "ListComp": self._comp, "GeneratorExp": self._comp,
            "SetComp": self._comp, "DictComp": self._dictcomp, "NamedExpr": self._namedexpr,
            "Await": lambda n, f: self.eval(n.expression, f), "Integer": self._number, "Float": self._number,
            "Imaginary": lambda n, f: Const(0j), "SimpleString": self._string,
            # strings whose text is not kept and lambdas: some constant, not a known one
            "ConcatenatedString": lambda n, f: UNKNOWN_CONST, "FormattedString": lambda n, f: UNKNOWN_CONST,
            "Lambda": lambda n, f: UNKNOWN_CONST, "Ellipsis": lambda n, f: Const(Ellipsis),
            "Yield": self._yield, "StarredElement": lambda n, f: self.eval(n.value, f),
        }.items()}

    # ------------------------------------------------------------------ driver
    def run(self):
        body = self.module.body
        self.budget = max(20_000, 40 * _count_statements(self.module))
        self.hard_budget = hard_budget(self.budget)
        try:
            self.exec_block(body, self.globals)
            # Every function and method is also analysed on its own, with unknown
            # arguments, so code that is never called in this file is still checked.
            # Private helpers go last, so that the grad mode of every call into them
            # from the rest of the file is known: one only ever called with grad
            # disabled (from a @torch.no_grad() method) runs so.
            funcs = list(self._all_functions(body))
            funcs.sort(key=lambda f: _private(f[0]))
            for node, owner in funcs:
                self._analyse_standalone(node, owner)
        finally:  # also when the work budget ends the analysis early (engine.budget)
            # A tensor bound to a name and never read again is kept for whatever the
            # code does next: take it as used.  One that was read is used exactly
            # when what read it is (``idx = dist.argmax(1)`` does not use dist).
            for t in self.named:
                if not t.read:
                    use(t)
        return self.events

    def _all_functions(self, body, owner=None):
        for stmt in body:
            if isinstance(stmt, cst.FunctionDef):
                yield stmt, owner
            elif isinstance(stmt, cst.ClassDef):
                info = self.globals.lookup(stmt.name.value) if owner is None else None
                if not isinstance(info, ClassInfo) or info.node is not stmt:
                    info = None
                for s in stmt.body.body:
                    if isinstance(s, cst.FunctionDef):
                        yield s, info

    def _analyse_standalone(self, node, owner):
        self.state = State()
        grad = self._decorated_grad(node, owner)
        calls = self._call_grads.get(id(node))
        if grad is None and _private(node) and calls and all(g is False for g in calls):
            grad = False
        func = Func(node, owner=owner, grad=grad)
        args = []
        params = node.params
        plist = list(params.posonly_params) + list(params.params)
        is_static = any(_decorator_name(d) == "staticmethod" for d in node.decorators)
        if owner is not None and plist and not is_static:
            if any(_decorator_name(d) == "classmethod" for d in node.decorators):
                args.append(owner)
            else:
                args.append(self._standalone_instance(owner))
            plist = plist[1:]
        for p in plist:
            args.append(self._unknown_param(p))
        # keyword-only parameters too: their defaults are one caller's choice, not every caller's
        kwargs = {p.name.value: self._unknown_param(p) for p in params.kwonly_params}
        self.chain = ()
        # What this method leaves in the instance's attributes is joined with what
        # was there: another method may run before or after it, or not at all
        # (a dict on one method's path and a Parameter on another stay apart).
        j = self.heap.begin()
        try:
            self.call_function(func, args, kwargs, node, frame_parent=self.globals, standalone=True)
        finally:
            self.heap.end(j)
            if node.name.value != "__init__":  # the instance already holds what __init__ makes
                self.heap.merge([(j, ()), (Journal(), ())])

    def _standalone_instance(self, info: ClassInfo):
        inst = self._standalone_instances.get(id(info))
        if inst is None:
            saved_state, saved_chain = self.state, self.chain
            self.state = State()
            inst = self.instantiate(info, None, opaque_args=True)
            self.state, self.chain = saved_state, saved_chain
            self._standalone_instances[id(info)] = inst
        return inst

    def _decorated_grad(self, node, owner):
        g = project_hooks.globals_of(self, node) if self.project is not None and node.decorators else None
        for d in node.decorators:
            name = self._resolve_dotted(_decorator_name(d), g)
            if name in NO_GRAD_CTX:
                return NO_GRAD_CTX[name]
        if owner is not None:
            # torch.optim wraps Optimizer.step in its own no-grad decorator, and
            # autograd.Function.forward/backward run with grad disabled.
            if owner.kind == "optimizer" and node.name.value == "step":
                return False
            if owner.kind == "function" and node.name.value in ("forward", "backward", "setup_context"):
                return False
        return None

    def _resolve_dotted(self, dotted, g=None):
        if not dotted:
            return dotted
        head, _, rest = dotted.partition(".")
        v = (g or self.globals).lookup(head)
        if isinstance(v, Qual):
            return v.name + ("." + rest if rest else "")
        return dotted

    # --------------------------------------------------------------- statements
    def exec_block(self, stmts, frame):
        """Run statements; returns False when every path ended (return/raise/break)."""
        for stmt in stmts:
            self.steps += 1
            if self.steps > self.hard_budget:
                raise Incomplete(stop_reason(self))
            self.cur_stmt = stmt
            h = self._stmt.get(type(stmt))
            if h is not None and h(stmt, frame) is False:
                return False
        return True

    def _body(self, node):
        b = node.body
        return b.body if hasattr(b, "body") else b

    def _simple_line(self, line, frame):
        for small in line.body:
            if self._small(small, frame) is False:
                return False
        return True

    def _small(self, small, frame):
        t = type(small).__name__
        if t == "Expr":
            self.eval(small.value, frame)
        elif t == "Assign":
            v = self.eval(small.value, frame)
            for tgt in small.targets:
                self.assign(tgt.target, v, frame, small.value)
        elif t == "AnnAssign":
            if small.value is not None:
                self.assign(small.target, self.eval(small.value, frame), frame, small.value)
        elif t == "AugAssign":
            self._augassign(small, frame)
        elif t == "Return":
            v = self.eval(small.value, frame) if small.value is not None else Const(None)
            frame.returns.append((v, frozenset(self.state.seen)))
            return False
        elif t in ("Raise", "Break", "Continue"):
            if t == "Raise" and small.exc is not None:
                self.eval(small.exc, frame)
            return False
        elif t == "Assert":
            self.eval(small.test, frame)
            facts = guards.refine(self, small.test, frame, True)
            if facts is guards.INFEASIBLE:
                return False  # the assertion fails on this path: it ends here
            guards.apply(self, frame, facts)
        elif t == "Import":
            for alias in small.names:
                full = _dotted(alias.name)
                if alias.asname is not None:
                    frame.vars[alias.asname.name.value] = Qual(self.k.resolve(full))
                else:
                    head = full.split(".")[0]
                    frame.vars[head] = Qual(head)
        elif t == "ImportFrom":
            if self.project is not None and project_hooks.import_from(self, small, frame):
                return True
            if small.module is None or small.relative or isinstance(small.names, cst.ImportStar):
                return True
            mod = _dotted(small.module)
            for alias in small.names:
                name = _dotted(alias.name)
                local = alias.asname.name.value if alias.asname is not None else name
                frame.vars[local] = Qual(self.k.resolve(mod + "." + name))
        return True

    def _if(self, node, frame):
        self.eval(node.test, frame)
        facts_a = guards.refine(self, node.test, frame, True)
        facts_b = guards.refine(self, node.test, frame, False)
        if facts_a is guards.INFEASIBLE and facts_b is guards.INFEASIBLE:
            facts_a = facts_b = []  # contradictory facts: imprecision, follow both
        pre_vars, pre_state = dict(frame.vars), self.state
        self.state = pre_state.branch()
        j_a = self.heap.begin()
        if facts_a is guards.INFEASIBLE:
            ok_a = False  # the test rules this branch out on this path
        else:
            guards.apply(self, frame, facts_a)
            ok_a = self.exec_block(self._body(node), frame)
        self.heap.end(j_a)
        a_vars, a_state = frame.vars, self.state
        frame.vars = dict(pre_vars)
        self.state = pre_state.branch()
        ok_b = True
        orelse = node.orelse
        j_b = self.heap.begin()
        if facts_b is guards.INFEASIBLE:
            ok_b = False
        else:
            guards.apply(self, frame, facts_b)
            if orelse is not None:
                if isinstance(orelse, cst.If):
                    self.cur_stmt = orelse
                    ok_b = self._if(orelse, frame) is not False
                else:
                    ok_b = self.exec_block(self._body(orelse), frame)
        self.heap.end(j_b)
        b_vars, b_state = frame.vars, self.state
        # object attributes written on either path: joined over the paths that go on
        a_only, b_only = a_state.seen - b_state.seen, b_state.seen - a_state.seen
        reach = [(j_a, b_only)] * bool(ok_a) + [(j_b, a_only)] * bool(ok_b)
        self.heap.merge(reach or [(j_a, b_only), (j_b, a_only)])
        if facts_a is guards.INFEASIBLE and not ok_b or facts_b is guards.INFEASIBLE and not ok_a:
            frame.vars, self.state = (a_vars, a_state) if facts_b is guards.INFEASIBLE else (b_vars, b_state)
            return False
        if facts_a is guards.INFEASIBLE:
            frame.vars, self.state = b_vars, b_state
            return True
        if facts_b is guards.INFEASIBLE:
            frame.vars, self.state = a_vars, a_state
            return True
        if ok_a and ok_b and any(f[0] == "grad" for f in facts_a + facts_b):
            # grad mode set by the test holds inside the branch only
            a_state.grad = b_state.grad = pre_state.grad
        if ok_a and ok_b:
            frame.vars = _join_vars(a_vars, b_vars, a_state, b_state)
            self.state = State.join(a_state, b_state)
        elif ok_a:
            frame.vars, self.state = a_vars, a_state
        elif ok_b:
            frame.vars, self.state = b_vars, b_state
        else:
            frame.vars, self.state = _join_vars(a_vars, b_vars, a_state, b_state), State.join(a_state, b_state)
            return False
        return True

    def _loop(self, frame, bind, body, orelse, nonempty=False):
        # Two passes: the second sees what the first left (a save late in one
        # iteration against a mutation early in the next).  Unless the loop
        # surely runs (over the layers of a ModuleList, a non-empty literal),
        # zero iterations are possible: the result joins with the state before.
        pre_vars, pre_state = dict(frame.vars), self.state
        start = frozenset(pre_state.seen)
        self.loop_depth += 1
        header = self.cur_stmt
        passes = 2 if self.loop_depth <= TWO_PASS_LOOP_DEPTH else 1
        for i in range(passes):
            earlier = frozenset(self.state.seen - start)  # the epochs of the passes before this one
            self.state = self.state.branch()
            self.cur_stmt = header
            j = self.heap.begin()
            bind(i, earlier)
            self.loop_earlier.append(earlier)
            try:
                self.exec_block(body, frame)
            finally:
                self.loop_earlier.pop()
            self.heap.end(j)
            if nonempty and i == 0 and passes == 2:
                self.heap.merge([(j, ())])
                pre_vars, pre_state = dict(frame.vars), self.state
                continue
            # attributes after a pass: as before it, or as the pass left them
            self.heap.merge([(j, self.state.seen - pre_state.seen), (Journal(), ())])
            frame.vars = _join_vars(pre_vars, frame.vars, pre_state, self.state)
            self.state = State.join(pre_state, self.state)
        self.loop_depth -= 1
        if orelse is not None:
            self.exec_block(self._body(orelse), frame)
        return True

    def _for(self, node, frame):
        it = self.eval(node.iter, frame)
        elem = self.iterate(it)
        # The elements of a list are different tensors: what one iteration saved
        # of its element is not the next iteration's element (unless they are
        # views of one tensor, which share its version counter).
        distinct = isinstance(it, Seq) and isinstance(elem, Tensor) and \
            not any(m.base is not None for m in (elem.members or [elem]))
        counter = self._loop_counter(node)
        first, later = guards.First(), guards.Later()

        def bind(i, earlier):
            self.assign(node.target, hidden(elem, earlier) if distinct and earlier else elem, frame, node.iter)
            if counter is not None:
                # the first pass is the first iteration (index 0), the second a later one
                later.earlier = frozenset(earlier)
                frame.vars[counter] = Const(first if i == 0 else later)

        return self._loop(frame, bind, self._body(node), node.orelse, nonempty=_nonempty(it))

    def _loop_counter(self, node):
        """The name bound to 0, 1, 2, ... by ``for i in range(n)`` / ``for i, x in enumerate(xs)``."""
        call = node.iter
        if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Name):
            return None
        name = call.func.value
        if self.globals.lookup(name) is not None:
            return None  # shadowed
        if name == "range" and isinstance(node.target, cst.Name) and call.args and len(call.args) <= 3 and (
                len(call.args) == 1 or isinstance(call.args[0].value, cst.Integer) and call.args[0].value.value == "0"):
            return node.target.value
        if name == "enumerate" and len(call.args) == 1 and isinstance(node.target, cst.Tuple) and \
                node.target.elements and isinstance(node.target.elements[0].value, cst.Name):
            return node.target.elements[0].value.value
        return None

    def _while(self, node, frame):
        return self._loop(frame, lambda i, earlier: self.eval(node.test, frame), self._body(node), node.orelse)

    def _with(self, node, frame):
        saved = (self.state.grad, self.state.hooked)
        for item in node.items:
            v = self.eval(item.item, frame)
            if isinstance(v, GradCtx):
                if v.hooks:
                    self.state.hooked = True
                elif v.enabled is not None or saved[0] is not None:
                    self.state.grad = v.enabled
            if item.asname is not None:
                self.assign(item.asname.name, v if not isinstance(v, GradCtx) else Const(None), frame, item.item)
        ok = self.exec_block(self._body(node), frame)
        self.state.grad, self.state.hooked = saved
        return ok

    def _try(self, node, frame):
        pre_vars, pre_state = dict(frame.vars), self.state.copy()
        ok = self.exec_block(self._body(node), frame)
        for h in node.handlers:
            post_vars, post_state = frame.vars, self.state
            frame.vars = _join_vars(pre_vars, post_vars, pre_state, post_state)
            self.state = State.join(pre_state, post_state)
            ok = self.exec_block(self._body(h), frame) or ok
        if node.orelse is not None:
            self.exec_block(self._body(node.orelse), frame)
        if node.finalbody is not None:
            self.exec_block(self._body(node.finalbody), frame)
        return True if node.handlers else ok

    def _funcdef(self, node, frame):
        closure = frame if frame is not self.globals else None
        frame.vars[node.name.value] = Func(node, closure=closure, grad=self._decorated_grad(node, None))
        return True

    def _classdef(self, node, frame):
        bases = [self.eval(a.value, frame) for a in node.bases if not a.keyword]
        if self.project is not None:
            bases = [project_hooks.resolve_value(self, b) for b in bases]
        info = ClassInfo(node, node.name.value, bases)
        for b in bases:
            name = b.name if isinstance(b, Qual) else None
            if isinstance(b, ClassInfo):
                if b.kind != "object":
                    info.kind = b.kind
                info.known_base = info.known_base or b.known_base
            elif name:
                if name.startswith("torch.optim.") or name in ("torch.optim.Optimizer",):
                    info.kind = "optimizer"
                elif name in ("torch.autograd.Function", "torch.autograd.function.Function"):
                    info.kind = "function"
                elif name.startswith("torch.nn."):
                    info.kind = "module"
                    if self.k.module(name) is not None or name in MODULE_CONTAINERS:
                        info.known_base = name
        for s in node.body.body:
            if isinstance(s, cst.FunctionDef):
                info.methods[s.name.value] = s
        frame.vars[node.name.value] = info
        return True

    def _augassign(self, node, frame):
        target = node.target
        rhs = self.eval(node.value, frame)
        cur = self.eval(target, frame)
        opname = AUGOPS.get(type(node.operator).__name__)
        if isinstance(cur, Tensor) and cur.kind != "opaque" or (isinstance(cur, Tensor) and isinstance(rhs, Tensor)):
            self.mutate(cur, "augassign", _augop_text(node.operator), node, target)
            spec = self.k.function("torch.Tensor." + opname) if opname else None
            if spec is not None:
                self._record_saves(spec, opname, {_p(spec, 0): cur, _p(spec, 1): rhs}, cur, node)
            if isinstance(rhs, Tensor) and self.state.grad is not False:
                self._absorb_grad(cur, rhs)
            link(cur, [rhs])
            # the name still refers to the same tensor: nothing to rebind
            return
        if isinstance(cur, Seq) and isinstance(rhs, Seq):
            cur.elem = join(cur.element(), rhs.element())
            cur.items = None
            return
        if isinstance(cur, Tensor) or isinstance(rhs, Tensor):
            new = self._binary(BINOPS.get(type(node.operator).__name__[:-6], "add"), cur, rhs, node)
        else:
            new = UNKNOWN_CONST
        self.assign(target, new, frame, node.value)

    def _absorb_grad(self, t: Tensor, src: Tensor):
        """``t`` was written in place with ``src``: it requires grad if ``src`` does."""
        if t.dtype == "int":
            return  # an integral tensor never requires grad; the write is not differentiable
        if src.rg is not False and t.rg is not True:
            was = t.rg
            t.rg = t_or(t.rg, src.rg)
            if t.rg is True:
                t.leaf = False if t.leaf is not True or t.kind != "param" else t.leaf
            elif t.rg is None and was is False and t.kind not in ("param", "arg"):
                # torch makes it (no grad, a leaf) or (grad, not a leaf), never a
                # leaf that requires grad: three-valued facts cannot say "one or the
                # other", so "leaf" becomes unknown rather than stay True
                t.leaf = None

    # -------------------------------------------------------------- assignment
    def assign(self, target, value, frame, value_node=None):
        t = type(target).__name__
        if t == "Name":
            if isinstance(value, Tensor):
                # A tensor bound to a name counts as used for backward unless
                # what reads it later decides otherwise (see run()); ``_`` discards it.
                if target.value != "_":
                    self.named.append(value)
            else:
                use(value)
            frame.vars[target.value] = value
        elif t in ("Tuple", "List"):
            elems = target.elements
            n = len(elems)
            items = None
            if isinstance(value, Seq) and value.items is not None and len(value.items) == n:
                items = value.items
            for i, el in enumerate(elems):
                if isinstance(el, cst.StarredElement):
                    self.assign(el.value, Seq(elem=self.iterate(value)), frame)
                    continue
                if items is None and isinstance(value, Tensor) and value.outputs and len(value.outputs) == n:
                    items = value.outputs  # (values, indices) = torch.max(x, dim)
                if items is not None:
                    v = items[i]
                elif isinstance(value, Const):
                    v = UNKNOWN_CONST
                elif isinstance(value, Tensor) and value.view != "multi":
                    # tuple-returning op or module: each part is a new tensor
                    v = Tensor(rg=value.rg, leaf=None if value.rg is None else not value.rg, kind=value.kind)
                    link(v, [value])
                else:
                    v = self.iterate(value)
                self.assign(el.value, v, frame)
        elif t == "Attribute":
            use(value)
            obj = self.eval(target.value, frame)
            if target.attr.value == "inplace" and isinstance(obj, (Obj, Alt)):
                self._set_inplace(obj, value)
            if isinstance(obj, Obj):
                self.heap.set(obj, target.attr.value, value)
            elif isinstance(obj, Tensor) and target.attr.value == "requires_grad":
                flag = value.value if isinstance(value, Const) and isinstance(value.value, bool) else None
                obj.set_requires_grad(flag)
        elif t == "Subscript":
            obj = self.eval(target.value, frame)
            if isinstance(obj, Tensor):
                basic = self._basic_index(target, frame)
                self.mutate(obj, "setitem", "[]=", target, target.value, basic_index=basic is not False)
                if isinstance(value, Tensor) and self.state.grad is not False:
                    self._absorb_grad(obj, value)
                link(obj, [value])
            elif isinstance(obj, Seq):
                use(value)
                idx = self._const_index(target, frame)
                if isinstance(idx, int) and obj.items is not None and -len(obj.items) <= idx < len(obj.items) \
                        and not self.loop_depth:
                    obj.items[idx] = value
                else:
                    obj.elem = join(obj.element(), value)
                    obj.items = None
            elif isinstance(obj, Dict):
                use(value)
                key = self._const_index(target, frame)
                if isinstance(key, str):
                    obj.entries[key] = value
                else:
                    obj.entries["?"] = join(obj.entries.get("?"), value)
            elif isinstance(obj, Obj) and obj.items is not None:
                obj.items.append(value)
        elif t == "StarredElement":
            self.assign(target.value, value, frame)

    def _set_inplace(self, obj, value):
        """``m.inplace = True`` after construction (a loop over ``model.modules()``)."""
        flag = value.value if isinstance(value, Const) and isinstance(value.value, bool) else None
        opts = obj.options if isinstance(obj, Alt) else [obj]
        for o in opts:
            spec = self.k.module(o.qual) if isinstance(o, Obj) and o.qual else None
            if spec is not None and spec.get("inplace_kw"):
                # one of several modules: it may be this one
                o.inplace = flag if len(opts) == 1 or flag is None else (True if o.inplace else None)

    def _basic_index(self, sub, frame):
        """True for int/slice/None indexing (a view); False for tensor or list indices (a
        copy); None when an index is of unknown type (an argument: an int or a mask)."""
        verdict = True
        for el in sub.slice:
            s = el.slice
            if isinstance(s, cst.Slice):
                continue
            v = self.eval(s.value, frame)
            if isinstance(v, Seq) or (isinstance(v, Tensor) and v.kind not in ("opaque", "arg")):
                return False
            if isinstance(v, Tensor):
                verdict = None
        return verdict

    def _const_index(self, sub, frame):
        if len(sub.slice) != 1 or not isinstance(sub.slice[0].slice, cst.Index):
            return None
        v = self.eval(sub.slice[0].slice.value, frame)
        return v.value if isinstance(v, Const) else None

    # ------------------------------------------------------------- expressions
    def eval(self, node, frame):
        h = self._expr.get(type(node))
        if h is None:
            return UNKNOWN_CONST
        return h(node, frame)

    def _number(self, node, frame):
        # int()/float() instead of evaluated_value, which compiles the literal
        text = node.value.replace("_", "")
        try:
            return Const(float(text) if isinstance(node, cst.Float) else int(text, 0))
        except ValueError:
            return UNKNOWN_CONST

    def _string(self, node, frame):
        # The text between the quotes, escapes left as written: string values
        # only serve as names (register_buffer, getattr, dict keys), and
        # evaluated_value would compile every docstring.
        v = node.value
        q = v[-1]
        body = v[v.index(q):]
        n = 3 if body[:3] == q * 3 else 1
        return Const(body[n:-n])

    def _name(self, node, frame):
        name = node.value
        v = frame.lookup(name)
        if v is not None:
            return v
        if name in ("True", "False", "None"):
            return Const({"True": True, "False": False, "None": None}[name])
        if name in _BUILTINS:
            return Qual("builtins." + name)
        if self.project is not None:
            v = project_hooks.star_lookup(self, name)
            if v is not None:
                return v
        return opaque()

    def _attribute(self, node, frame):
        base = self.eval(node.value, frame)
        return self.getattr(base, node.attr.value, node)

    def getattr(self, base, attr, node=None):
        if isinstance(base, Qual):
            return Qual(self.k.resolve(base.name + "." + attr))  # re-exports: torch.functional.F
        if isinstance(base, Tensor):
            if attr == "data":
                return Tensor(storage=base.storage, rg=False, leaf=True, data=True, base=base,
                              alias_certain=base.alias_certain, kind=base.kind)
            if attr == "grad":
                return Tensor(rg=False, leaf=True, kind="fresh")
            if base.outputs and attr in ("values", "indices"):
                return base.outputs[0 if attr == "values" else 1]
            if attr in ("T", "mT", "H", "mH", "real", "imag"):
                return self._view_of(base, attr, "single")
            if attr in ("shape", "dtype", "device", "ndim", "requires_grad", "is_leaf", "grad_fn", "layout",
                        "is_cuda", "names"):
                return UNKNOWN_CONST
            if base.kind in ("arg", "opaque"):
                if attr in SHARED_METHODS:
                    # str.split, set.add, dict.values: no evidence that this is a tensor
                    return opaque(base.rg)
                if base.kind == "arg" and self.k.is_tensor_method(attr) and attr not in NUMPY_METHODS:
                    base.kind = "input"  # only a tensor has this method: evidence of its type
            if self.k.is_tensor_method(attr) or attr in HARMLESS_METHODS:
                return BoundMethod(base, attr)
            return opaque(base.rg) if base.kind == "opaque" else BoundMethod(base, attr)
        if isinstance(base, Obj):
            if attr in base.attrs:
                return base.attrs[attr]
            if base.cls is not None:
                m, owner = base.cls.lookup(attr)
                if m is not None:
                    return self._bind_method(m, owner, base)
            return BoundMethod(base, attr)
        if isinstance(base, ClassInfo):
            m, owner = base.lookup(attr)
            if m is not None:
                return self._bind_method(m, owner, None)
            return BoundMethod(base, attr)
        if isinstance(base, SuperRef):
            for b in base.owner.bases:
                if isinstance(b, ClassInfo):
                    m, owner = b.lookup(attr)
                    if m is not None:
                        return self._bind_method(m, owner, base.obj)
            return BoundMethod(base, attr)
        if isinstance(base, (Seq, Dict)):
            return BoundMethod(base, attr)
        if isinstance(base, Alt):
            vals = [self.getattr(o, attr, node) for o in base.options]
            if all(v is vals[0] for v in vals):
                return vals[0]
            if all(isinstance(v, (Func, BoundMethod)) for v in vals):
                return AltCallable(vals)
            return join_all(vals)
        return opaque()

    def _bind_method(self, node, owner, obj):
        decos = {_decorator_name(d) for d in node.decorators}
        grad = self._decorated_grad(node, owner)
        if "staticmethod" in decos:
            return Func(node, owner=owner, grad=grad)
        if "property" in decos and obj is not None:
            return self.call_function(Func(node, owner=owner, bound=obj, grad=grad), [], {}, node)
        if "classmethod" in decos:
            return Func(node, owner=owner, bound=owner, grad=grad)
        return Func(node, owner=owner, bound=obj, grad=grad)

    def _subscript(self, node, frame):
        base = self.eval(node.value, frame)
        if self.project is not None and isinstance(base, Qual):
            base = project_hooks.resolve_value(self, base)  # a table in another module (a registry)
        if isinstance(base, Tensor) and base.outputs:
            idx = self._const_index(node, frame)
            if isinstance(idx, int) and -len(base.outputs) <= idx < len(base.outputs):
                return base.outputs[idx]
        if isinstance(base, Const):
            return UNKNOWN_CONST  # an item of a number, string or shape
        if isinstance(base, Tensor):
            basic = self._basic_index(node, frame)
            if basic is not False:
                v = self._view_of(base, "__getitem__", "single")
                if base.kind in ("arg", "opaque") or basic is None:
                    # of unknown type (maybe a list, whose item is no view), or
                    # indexed by something that may be a mask (a copy)
                    v.alias_certain = False
                    v.alias_op = "[]"
                return v
            out = result_tensor(self._out_rg([base]), dtype=base.dtype)
            link(out, [base])
            return out
        if isinstance(base, Seq):
            idx = self._const_index(node, frame)
            if isinstance(idx, int) and base.items is not None and -len(base.items) <= idx < len(base.items):
                return base.items[idx]
            if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Slice):
                sl = node.slice[0].slice
                bounds = [self.eval(b, frame) if b is not None else Const(None) for b in (sl.lower, sl.upper)]
                if base.items is not None and sl.step is None and all(
                        isinstance(b, Const) and (b.value is None or isinstance(b.value, int)) for b in bounds):
                    return Seq(items=base.items[bounds[0].value:bounds[1].value], is_tuple=base.is_tuple)
                return Seq(elem=base.element(), is_tuple=base.is_tuple)
            e = base.element()
            if isinstance(e, Tensor) and not isinstance(idx, int):
                e = e.copy(partial=True)
                if isinstance(idx, guards.Later) and idx.earlier and \
                        not any(m.base is not None for m in (e.members or [e])):
                    # xs[i] in a later iteration is another element than in the
                    # earlier ones: what they saved of theirs is not its save
                    e = hidden(e, idx.earlier)
            return e
        if isinstance(base, Dict):
            key = self._const_index(node, frame)
            if key in base.entries:
                return base.entries[key]
            return join_all(base.entries.values()) if base.entries else opaque()
        if isinstance(base, Obj):
            if base.items is not None:
                idx = self._const_index(node, frame)
                if isinstance(idx, int) and -len(base.items) <= idx < len(base.items):
                    return base.items[idx]
                return join_all(base.items) if base.items else opaque()
            key = self._const_index(node, frame)
            if isinstance(key, str) and key in base.attrs:
                return base.attrs[key]
        return opaque()

    def _binop(self, node, frame):
        # ``x + x + ... + x`` nests to the left: walk that spine iteratively
        spine = []
        while isinstance(node, cst.BinaryOperation):
            spine.append(node)
            node = node.left
        left = self.eval(node, frame)
        for node in reversed(spine):
            left = self._binop_values(node, left, self.eval(node.right, frame))
        return left

    def _binop_values(self, node, left, right):
        op = BINOPS.get(type(node.operator).__name__)
        if isinstance(left, Tensor) or isinstance(right, Tensor):
            return self._binary(op, left, right, node)
        if isinstance(left, Seq) and isinstance(right, Seq):
            return Seq(elem=join(left.element(), right.element()))
        if isinstance(left, Seq):
            return left
        return UNKNOWN_CONST

    def _binary(self, op, left, right, node):
        spec = self.k.function("torch." + op) if op else None
        if spec is None:
            out = result_tensor(self._out_rg([left, right]))
            link(out, [left, right])
            return out
        return self.apply_op(spec, op, [left, right], {}, node)

    def _unaryop(self, node, frame):
        v = self.eval(node.expression, frame)
        if isinstance(v, Tensor):
            if type(node.operator).__name__ == "Minus":
                spec = self.k.function("torch.neg")
                if spec is not None:
                    return self.apply_op(spec, "neg", [v], {}, node)
            return result_tensor(self._out_rg([v]) if type(node.operator).__name__ == "Minus" else False)
        return UNKNOWN_CONST

    def _boolop(self, node, frame):
        return join(self.eval(node.left, frame), self.eval(node.right, frame))

    def _compare(self, node, frame):
        vals = [self.eval(node.left, frame)] + [self.eval(c.comparator, frame) for c in node.comparisons]
        if any(isinstance(v, Tensor) for v in vals):
            # a comparison reads its operands into a bool tensor: no backward reaches them through it
            link(None, vals)
            return Tensor(rg=False, leaf=True, kind="fresh", dtype="int")
        return UNKNOWN_CONST

    def _ifexp(self, node, frame):
        self.eval(node.test, frame)
        return join(self.eval(node.body, frame), self.eval(node.orelse, frame))

    def _tuple(self, node, frame):
        items = [self.eval(e.value, frame) for e in node.elements]
        for i in items:
            use(i)
        return Seq(items=items, is_tuple=True)

    def _list(self, node, frame):
        items = []
        for e in node.elements:
            v = self.eval(e.value, frame)
            if isinstance(e, cst.StarredElement):
                return Seq(elem=join(join_all(items) if items else None, self.iterate(v)))
            items.append(v)
            use(v)
        return Seq(items=items)

    def _dict(self, node, frame):
        entries = {}
        for el in node.elements:
            if isinstance(el, cst.DictElement):
                k = self.eval(el.key, frame)
                v = self.eval(el.value, frame)
                entries[k.value if isinstance(k, Const) and isinstance(k.value, str) else "?"] = v
        return Dict(entries)

    def _comp(self, node, frame):
        inner = Frame(parent=frame)
        inner.vars = {}
        self._bind_comp(node.for_in, inner)
        return Seq(elem=self.eval(node.elt, inner))

    def _dictcomp(self, node, frame):
        inner = Frame(parent=frame)
        self._bind_comp(node.for_in, inner)
        self.eval(node.key, inner)
        return Dict({"?": self.eval(node.value, inner)})

    def _bind_comp(self, for_in, frame):
        while for_in is not None:
            it = self.eval(for_in.iter, frame)
            self.assign(for_in.target, self.iterate(it), frame, for_in.iter)
            for cond in for_in.ifs:
                self.eval(cond.test, frame)
            for_in = for_in.inner_for_in

    def _namedexpr(self, node, frame):
        v = self.eval(node.value, frame)
        self.assign(node.target, v, frame)
        return v

    def _yield(self, node, frame):
        if node.value is not None:
            v = self.eval(node.value, frame)
            frame.yields.append(v)
        return UNKNOWN_CONST

    def iterate(self, v):
        """The value of one element when iterating over ``v``."""
        if isinstance(v, Seq):
            return v.element()
        if isinstance(v, Tensor):
            if v.kind in ("opaque", "arg"):
                # of unknown type: far more often a list of tensors than a tensor
                return opaque(v.rg) if v.rg is not None else opaque()
            # Tensor.__iter__ is unbind(0): each element is a multi-output view.
            return self._view_of(v, "unbind", "multi")
        if isinstance(v, (Dict, Const)):
            return UNKNOWN_CONST
        if isinstance(v, Obj) and v.items is not None:
            return join_all(v.items) if v.items else opaque()
        if isinstance(v, Alt):
            return join_all([self.iterate(o) for o in v.options])
        if isinstance(v, Obj) and v.qual == "torch.nn.ModuleDict":
            return UNKNOWN_CONST
        return opaque()

    # ------------------------------------------------------------------- calls
    def _call(self, node, frame):
        func = self.eval(node.func, frame)
        args, kwargs = [], {}
        for a in node.args:
            v = self.eval(a.value, frame)
            if a.keyword is not None:
                kwargs[a.keyword.value] = v
            elif a.star == "*":
                args.append(Starred(v))
            elif a.star == "**":
                pass
            else:
                args.append(v)
        return self.call(func, args, kwargs, node, frame)

    def call(self, func, args, kwargs, node, frame=None):
        if isinstance(func, Func):
            return self.call_function(func, args, kwargs, node)
        if isinstance(func, Qual):
            if self.project is not None:
                v = project_hooks.resolve_qual(self, func.name)
                if v is not None and not isinstance(v, Qual):
                    return self.call(v, args, kwargs, node, frame)
                func = v or func  # a re-exported torch name
            return self.call_qual(func.name, args, kwargs, node)
        if isinstance(func, BoundMethod):
            return self.call_method(func.recv, func.name, args, kwargs, node)
        if isinstance(func, AltCallable):
            return self._each(Alt(func.options), lambda o: self.call(o, args, kwargs, node))
        if isinstance(func, ClassInfo):
            return self.instantiate(func, node, args=args, kwargs=kwargs)
        if isinstance(func, Obj):
            return self.apply_module(func, args, kwargs, node)
        if isinstance(func, Alt):
            return self._each(func, lambda o: self.call(o, args, kwargs, node))
        if isinstance(func, SuperRef):
            return opaque()
        if isinstance(func, Tensor):
            # a method of something we cannot see into: its result depends on
            # the object too (dist.log_prob(a) requires grad when dist does)
            return opaque(self._taint([func] + list(args), kwargs))
        return opaque(self._taint(args, kwargs))

    def _each(self, alt, fn):
        """Follow every option of an Alt; what happens in one is only possible."""
        # Only one option runs at a time: each on its own path, so that what one
        # saved is not seen by another's in-place op.
        self.doubt += 1
        pre = self.state
        results, states, journals = [], [], []
        try:
            for o in alt.options:
                self.state = pre.branch()
                j = self.heap.begin()
                try:
                    results.append(fn(o))
                finally:
                    self.heap.end(j)
                states.append(self.state)
                journals.append(j)
        finally:
            self.doubt -= 1
        every = frozenset().union(*(st.seen for st in states)) if states else frozenset()
        self.heap.merge([(j, every - st.seen) for j, st in zip(journals, states)])
        joined = states[0] if states else pre
        for st in states[1:]:
            joined = State.join(joined, st)
        self.state = joined
        results = [hidden(r, every - st.seen) for r, st in zip(results, states)]
        out = join_all(results)
        if isinstance(out, Tensor) and any(r is not results[0] for r in results):
            out.alias_certain = False
        return out

    def _taint(self, args, kwargs):
        """requires_grad of the result of something we cannot see into."""
        rg = False
        for v in list(args) + list(kwargs.values()):
            if isinstance(v, Starred):
                v = v.value
            use(v)
            if isinstance(v, Tensor):
                rg = t_or(rg, v.rg)
            elif isinstance(v, Obj) and v.is_module:
                rg = t_or(rg, None)
            elif isinstance(v, Seq):
                e = v.element()
                if isinstance(e, Tensor):
                    rg = t_or(rg, e.rg)
        if self.state.grad is False:
            return False
        return rg if self.state.grad is True else t_and(rg, None)

    def _out_rg(self, tensors):
        rg = False
        for t in tensors:
            if isinstance(t, Tensor):
                rg = t_or(rg, t.rg)
        return t_and(rg, self.state.grad)

    # user functions -----------------------------------------------------------
    def call_function(self, func: Func, args, kwargs, node, frame_parent=None, standalone=False, _entered=False):
        fnode = func.node
        if not standalone:
            if (any(f.node is fnode for f in self.funcs) or len(self.chain) >= MAX_DEPTH
                    or self.steps > self.budget):
                return opaque(self._taint(args, kwargs))
        if self.project is not None and not _entered:
            # a function of another project module runs with that module's globals
            switch = project_hooks.enter(self, func, node, args, kwargs)
            if switch is not None:
                try:
                    return self.call_function(func, args, kwargs, node, None, standalone, _entered=True)
                finally:
                    project_hooks.leave(self, switch)
        frame = Frame(parent=func.closure or frame_parent or self.globals, func=func)
        if not standalone:
            self._call_grads.setdefault(id(fnode), []).append(self.state.grad)
        self._bind_params(fnode, func, args, kwargs, frame)
        saved_stmt = self.cur_stmt
        saved_grad = self.state.grad
        if func.grad is not None:
            self.state.grad = func.grad
        self.funcs.append(func)
        saved_chain = self.chain
        if not standalone:
            self.chain = self.chain + ((fnode.name.value, node, self.cur_stmt),)
        try:
            if self.exec_block(self._body(fnode), frame):
                frame.returns.append((Const(None), frozenset(self.state.seen)))
        finally:
            self.funcs.pop()
            self.chain = saved_chain
            self.cur_stmt = saved_stmt
            if func.grad is not None:
                self.state.grad = saved_grad
        if standalone:
            for v, _ in frame.returns:
                use(v)  # nobody in this file receives it: whoever calls it may backpropagate
        for v in frame.yields:
            use(v)
        if frame.yields:
            return Seq(elem=join_all(frame.yields))
        if not frame.returns:
            return Const(None)
        if len(frame.returns) == 1:
            return frame.returns[0][0]
        # A value returned on one path does not see saves made only on another.
        every = frozenset().union(*(seen for _, seen in frame.returns))
        return join_all(hidden(v, every - seen) for v, seen in frame.returns)

    def _bind_params(self, fnode, func, args, kwargs, frame):
        params = fnode.params
        plist = list(params.posonly_params) + list(params.params)
        args = list(args)
        flat = []
        for a in args:
            if isinstance(a, Starred):
                flat.append(self.iterate(a.value))
            else:
                flat.append(a)
        if func.bound is not None:
            flat.insert(0, func.bound)
        for i, p in enumerate(plist):
            name = p.name.value
            if i < len(flat):
                v = flat[i]
            elif name in kwargs:
                v = kwargs[name]
            elif p.default is not None:
                v = self.eval(p.default, self.globals)
            else:
                v = self._unknown_param(p)
            frame.vars[name] = v
        for p in params.kwonly_params:
            name = p.name.value
            if name in kwargs:
                frame.vars[name] = kwargs[name]
            elif p.default is not None:
                frame.vars[name] = self.eval(p.default, self.globals)
            else:
                frame.vars[name] = self._unknown_param(p)
        if isinstance(params.star_arg, cst.Param):
            rest = flat[len(plist):]
            frame.vars[params.star_arg.name.value] = Seq(items=rest, is_tuple=True)
        if params.star_kwarg is not None:
            frame.vars[params.star_kwarg.name.value] = Dict(
                {k: v for k, v in kwargs.items() if k not in {p.name.value for p in plist}})

    def _unknown_param(self, p: cst.Param):
        return param_kinds.unknown_param(self, p)

    # classes and modules -----------------------------------------------------
    def _builtin(self, name, args, kwargs, node):
        if name in ("zip",):
            return Seq(elem=Seq(items=[self.iterate(a.value if isinstance(a, Starred) else a) for a in args],
                                is_tuple=True), nonempty=bool(args) and all(_nonempty(a) for a in args))
        if name == "enumerate":
            return Seq(elem=Seq(items=[Const(0), self.iterate(args[0]) if args else opaque()], is_tuple=True),
                       nonempty=bool(args) and _nonempty(args[0]))
        if name in ("list", "tuple", "sorted", "reversed", "iter", "set", "frozenset"):
            if not args:
                return Seq(items=[])
            a = args[0]
            if isinstance(a, Seq):
                return Seq(items=a.items, elem=a.elem, is_tuple=name == "tuple")
            return Seq(elem=self.iterate(a), is_tuple=name == "tuple")
        if name == "next":
            return self.iterate(args[0]) if args else opaque()
        if name == "range":
            bounds = [a.value if isinstance(a, Const) and type(a.value) is int else None for a in args]
            if bounds and None not in bounds:
                return Seq(elem=UNKNOWN_CONST, nonempty=len(range(*bounds[:3])) > 0 if len(bounds) <= 3 else False)
            return Seq(elem=UNKNOWN_CONST)
        if name in ("sum", "max", "min"):
            vals = [self.iterate(args[0])] if len(args) == 1 else args
            tensors = [v for v in vals if isinstance(v, Tensor)]
            if not tensors:
                return UNKNOWN_CONST
            if all(t.kind in ("arg", "opaque") for t in tensors):
                return opaque(self._out_rg(tensors))  # maybe plain numbers
            return result_tensor(self._out_rg(tensors))
        if name == "getattr" and len(args) >= 2 and isinstance(args[1], Const) and isinstance(args[1].value, str):
            return self.getattr(args[0], args[1].value)
        if name == "setattr" and len(args) == 3 and isinstance(args[0], Obj) and isinstance(args[1], Const):
            self.heap.set(args[0], str(args[1].value), args[2])
            return Const(None)
        if name == "super":
            f = self._current_func()
            if f is not None and f.owner is not None:
                return SuperRef(f.owner, f.bound)
            return opaque()
        if name in ("dict",):
            return Dict(kwargs)
        if name == "map" and len(args) >= 2:
            return Seq(elem=self.call(args[0], [self.iterate(a) for a in args[1:]], {}, node))
        if name == "filter" and len(args) == 2:
            return Seq(elem=self.iterate(args[1]))
        if name == "print":
            return Const(None)
        return UNKNOWN_CONST

    def _current_func(self):
        return self.funcs[-1] if self.funcs else None

    # methods ------------------------------------------------------------------
    def mutate(self, t: Tensor, kind, op, node, target_node, out_rg=None, related_node=None,
               related_message="", basic_index=False, certain=True, related_stmt=None):
        live = [s for s in t.visible_saves() if self.state.live(s)]
        # A save of a graph already backpropagated with retain_graph=True is a
        # hazard only if a later backward reaches it: held until one does.
        retained = [s for s in live if s.epoch in self.state.retained]
        if retained:
            live = [s for s in live if s.epoch not in self.state.retained]
        if self.env is not None and not project_hooks.keep_event(self, t, live + retained):
            return
        snap = _Snapshot(t)
        if self.doubt or not certain:
            snap.alias_certain = False
        elif live and t.members and t.paths and any(
                not any(self.state.live(s) for s in m.visible_saves()) for m in t.members):
            # one of several values that reach here (``a if c else b``) was
            # saved, another was not: the hazard depends on the path taken
            snap.alias_certain = False
        if self.project is not None and project_hooks.only_uncertain_elsewhere(self, live + retained,
                                                                                snap.alias_certain):
            return
        ev = RawEvent(kind, op, node, target_node, snap, self.state.grad, live,
                      self.chain, out_rg=out_rg, related_node=related_node,
                      related_message=related_message, basic_index=basic_index, stmt=self.cur_stmt,
                      related_stmt=related_stmt)
        self.events.append(ev)
        if self.env is not None:
            ev.env, ev.anchor, ev.caller_target = self.env, self.anchor, project_hooks.caller_expr(self, t)
        if retained:
            self.pending.append((ev, retained))
        if self.loop_earlier and self.loop_earlier[-1]:
            earlier = self.loop_earlier[-1]
            ev.previous = frozenset(id(s) for s in live if s.epoch in earlier)

    def _save(self, t, op, what, node, certain, out=None):
        super()._save(t, op, what, node, certain, out)
        if self.project is not None:
            project_hooks.note_save(self, t)

    def confirm_retained(self, root):
        """A backward from ``root`` runs: the held saves it reaches become hazards of their events."""
        if not self.pending:
            return
        if isinstance(root, Seq):
            root = root.element()
        if not isinstance(root, Tensor):
            root = None  # of unknown origin: it may reach anything
        reached = reaches(root) if root is not None else None
        still = []
        for ev, saves in self.pending:
            hit = [s for s in saves if reached is None or s.out is None or id(s.out) in reached]
            ev.saves.extend(hit)
            rest = [s for s in saves if s not in hit]
            if rest:
                still.append((ev, rest))
        self.pending = still


class _Snapshot:
    """Facts about a tensor at the moment it was modified."""

    __slots__ = ("rg", "leaf", "view", "base_rg", "base_leaf", "data", "alias_certain", "kind", "alias_op",
                 "origin")

    def __init__(self, t: Tensor):
        self.rg, self.leaf, self.view, self.data = t.rg, t.leaf, t.view, t.data
        self.alias_certain, self.kind = t.alias_certain, t.kind
        self.alias_op = t.alias_op
        r = t.root()
        # what the modified tensor (or the base of the view) is: a parameter or something made here
        self.origin = "param" if r.kind == "param" or t.kind == "param" else r.kind
        root = t.root() if t.base is not None else None
        self.base_rg = root.rg if root is not None else None
        self.base_leaf = root.leaf if root is not None else None
        if t.data and root is not None:
            self.rg, self.leaf = root.rg, root.leaf


# Tensor methods that str, list, dict and set have too: calling one on a value
# of unknown type says nothing about its type.
SHARED_METHODS = {"add", "index", "sort", "split", "values", "count", "copy", "pop", "update", "join"}
# ndarray methods named like Tensor methods: no evidence either
NUMPY_METHODS = {
    "all", "any", "argmax", "argmin", "argpartition", "argsort", "astype", "clip", "conj", "copy", "cumprod",
    "cumsum", "diagonal", "dot", "fill", "flatten", "item", "max", "mean", "min", "nonzero", "prod", "put",
    "ravel", "repeat", "reshape", "resize", "round", "searchsorted", "squeeze", "std", "sum", "swapaxes",
    "take", "tobytes", "tolist", "trace", "transpose", "var", "view", "abs", "T", "shape", "size", "ndim",
    "dtype",
}

_BUILTINS = {"zip", "enumerate", "list", "tuple", "sorted", "reversed", "iter", "next", "sum", "max", "min",
             "getattr", "setattr", "super", "dict", "map", "filter", "print", "set", "frozenset", "len", "range",
             "isinstance", "int", "float", "str", "bool", "abs", "round", "hasattr", "type", "id", "any", "all"}


def _augop_text(op):
    return op.__class__.__name__ and {
        "AddAssign": "+=", "SubtractAssign": "-=", "MultiplyAssign": "*=", "DivideAssign": "/=",
        "FloorDivideAssign": "//=", "ModuloAssign": "%=", "PowerAssign": "**=", "MatrixMultiplyAssign": "@=",
        "BitAndAssign": "&=", "BitOrAssign": "|=", "BitXorAssign": "^=", "LeftShiftAssign": "<<=",
        "RightShiftAssign": ">>=",
    }.get(op.__class__.__name__, "op=")


def _dotted(node):
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return _dotted(node.value) + "." + node.attr.value
    return ""


def _join_vars(a: dict, b: dict, sa, sb) -> dict:
    if a is b:
        return a
    a_only = sa.seen - sb.seen
    b_only = sb.seen - sa.seen
    out = dict(a)
    for k, v in b.items():
        av = out.get(k)
        if av is None or av is v:
            out[k] = v
        else:
            out[k] = join(hidden(av, b_only), hidden(v, a_only))
    return out


def _count_statements(module):
    # cheap size measure for the inlining budget: top-level and class bodies
    n = 0
    for s in module.body:
        n += 1
        if isinstance(s, (cst.FunctionDef, cst.ClassDef)):
            n += len(s.body.body) * 4
    return n


def _private(fnode):
    name = fnode.name.value
    return name.startswith("_") and not name.startswith("__")


def _nonempty(it):
    """Iterating ``it`` surely runs the body at least once."""
    if isinstance(it, Obj):
        return bool(it.items)  # the layers of a ModuleList / Sequential
    if isinstance(it, Seq):
        return bool(it.items) if it.items is not None else it.nonempty
    return False
