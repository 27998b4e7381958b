"""The analysis engine: one abstract interpretation of a file.

It runs the module body, then every function and method, over abstract values
(``values.py``), following calls into functions and classes of the same file
(so a helper that mutates its argument is judged with the caller's tensors).
At each in-place site it records an ``Event`` of facts; rules judge them.

Everything the engine knows about torch comes from ``inplace_lint.knowledge``
(generated from torch) plus the small set of language-level behaviours below
(grad-mode context managers, optimizers, containers) that are API rather than
per-op data.
"""
from __future__ import annotations

import libcst as cst

from ..knowledge import load as load_knowledge
from .state import State
from .values import (
    UNKNOWN_CONST, Alt, ClassInfo, Const, Dict, Func, GradCtx, Obj, Qual, Save, Seq, Tensor,
    hidden, join, join_all, make_group, opaque, t_and, t_or,
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
# Tensor methods that end in "_" but only change autograd metadata.
HARMLESS_METHODS = {"requires_grad_", "detach_", "share_memory_", "retain_grad", "register_hook",
                    "register_post_accumulate_grad_hook"}
# Returns the tensor itself when no conversion is needed.  The linter assumes
# tensors stay on the device they were made on (CPU unless said otherwise), so
# ``.cpu()`` and ``.contiguous()`` of a fresh result alias it.
SURE_ALIAS_METHODS = {"cpu", "contiguous"}
# Transposing views leave a tensor non-contiguous; composite ops that fold
# batch dimensions (matmul, linear) then reshape a *copy* and save that copy.
NONCONTIG_VIEWS = {"transpose", "permute", "t", "mT", "T", "mH", "H", "swapaxes", "swapdims", "movedim",
                   "expand", "expand_as", "adjoint"}
FOLDING_OPS = {"matmul", "linear"}
FACTORY_PREFIXES = ("zeros", "ones", "empty", "full", "rand", "randn", "randint", "randperm", "arange",
                    "linspace", "logspace", "eye", "tensor", "as_tensor", "from_numpy", "asarray",
                    "normal", "bernoulli", "multinomial", "poisson", "tril_indices", "triu_indices")
NO_GRAD_CTX = {"torch.no_grad": False, "torch.inference_mode": False, "torch.enable_grad": True,
               "torch.autograd.no_grad": False, "torch.autograd.grad_mode.no_grad": False,
               "torch.autograd.enable_grad": True, "torch.autograd.grad_mode.inference_mode": False}
HOOK_CTX = {"torch.autograd.graph.saved_tensors_hooks", "torch.autograd.graph.save_on_cpu",
            "torch.autograd.graph.disable_saved_tensors_hooks"}
MODULE_CONTAINERS = {"torch.nn.Sequential", "torch.nn.ModuleList", "torch.nn.ModuleDict",
                     "torch.nn.ParameterList", "torch.nn.ParameterDict"}
PARAM_CLASSES = {"torch.nn.Parameter", "torch.nn.parameter.Parameter"}
BACKWARD_FUNCS = {"torch.autograd.backward", "torch.autograd.grad"}
MAX_DEPTH = 4


class _Return(Exception):
    pass


class RawEvent:
    """An event before positions are resolved (nodes instead of line numbers)."""

    __slots__ = ("kind", "op", "node", "target_node", "tensor", "grad", "saves", "out_rg", "related_node",
                 "related_message", "chain", "basic_index", "top", "related_top")

    def __init__(self, kind, op, node, target_node, tensor, grad, saves, chain, out_rg=None,
                 related_node=None, related_message="", basic_index=False, top=0, related_top=None):
        self.top = top
        self.related_top = related_top
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


class Interpreter:
    def __init__(self, module: cst.Module, knowledge=None):
        self.module = module
        self.k = knowledge or load_knowledge()
        self.events: list = []
        self.globals = Frame()
        self.chain: tuple = ()  # inline call stack: ((func name, call node), ...)
        self.active: list = []  # FunctionDefs being interpreted (recursion guard)
        self.funcs: list = []  # the Func objects of those frames (for super())
        self.steps = 0
        self.budget = 200_000
        self.doubt = 0  # > 0 while following one of several possible objects
        self.in_seq = 0  # > 0 while applying the layers of an nn.Sequential
        # Positions are resolved per statement (see engine.positions), so every
        # recorded node carries the statement it lies in.
        self.cur_stmt = None
        self.loop_depth = 0
        self.state = State()
        self._standalone_instances: dict = {}
        self._stmt = {
            cst.SimpleStatementLine: self._simple_line, cst.If: self._if, cst.For: self._for,
            cst.While: self._while, cst.With: self._with, cst.Try: self._try, cst.TryStar: self._try,
            cst.FunctionDef: self._funcdef, cst.ClassDef: self._classdef,
        }
        for small in (cst.Expr, cst.Assign, cst.AnnAssign, cst.AugAssign, cst.Return, cst.Raise, cst.Break,
                      cst.Continue, cst.Assert, cst.Import, cst.ImportFrom):
            self._stmt[small] = self._small_stmt
        self._expr = {getattr(cst, k): v for k, v in {
            "Name": self._name, "Attribute": self._attribute, "Call": self._call, "Subscript": self._subscript,
            "BinaryOperation": self._binop, "UnaryOperation": self._unaryop, "BooleanOperation": self._boolop,
            "Comparison": self._compare, "IfExp": self._ifexp, "Tuple": self._tuple, "List": self._list,
            "Set": self._list, "Dict": self._dict, "ListComp": self._comp, "GeneratorExp": self._comp,
            "SetComp": self._comp, "DictComp": self._dictcomp, "NamedExpr": self._namedexpr,
            "Await": lambda n, f: self.eval(n.expression, f), "Integer": self._number, "Float": self._number,
            "Imaginary": lambda n, f: Const(0j), "SimpleString": self._string,
            "ConcatenatedString": lambda n, f: Const(""), "FormattedString": lambda n, f: Const(""),
            "Lambda": lambda n, f: Const(None), "Ellipsis": lambda n, f: Const(Ellipsis),
            "Yield": self._yield, "StarredElement": lambda n, f: self.eval(n.value, f),
        }.items()}

    # ------------------------------------------------------------------ driver
    def run(self):
        body = self.module.body
        self.budget = max(20_000, 40 * _count_statements(self.module))
        self.exec_block(body, self.globals)
        # Every function and method is also analysed on its own, with unknown
        # arguments, so code that is never called in this file is still checked.
        for node, owner in self._all_functions(body):
            self._analyse_standalone(node, owner)
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
        frame = Frame(parent=self.globals)
        func = Func(node, owner=owner, grad=self._decorated_grad(node, owner))
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
            args.append(Tensor(rg=None, leaf=None, kind="arg"))
        self.chain = ()
        self.call_function(func, args, {}, node, frame_parent=self.globals, standalone=True)

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
        for d in node.decorators:
            name = self._resolve_dotted(_decorator_name(d))
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

    def _resolve_dotted(self, dotted):
        if not dotted:
            return dotted
        head, _, rest = dotted.partition(".")
        v = self.globals.lookup(head)
        if isinstance(v, Qual):
            return v.name + ("." + rest if rest else "")
        return dotted

    # --------------------------------------------------------------- statements
    def exec_block(self, stmts, frame):
        """Run statements; returns False when every path ended (return/raise/break)."""
        for stmt in stmts:
            self.steps += 1
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

    def _small_stmt(self, small, frame):
        # a small statement of a one-line suite (``if x: y.add_(1)``)
        return self._small(small, frame)

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
        elif t == "Import":
            for alias in small.names:
                full = _dotted(alias.name)
                if alias.asname is not None:
                    frame.vars[alias.asname.name.value] = Qual(full)
                else:
                    head = full.split(".")[0]
                    frame.vars[head] = Qual(head)
        elif t == "ImportFrom":
            if small.module is None or small.relative or isinstance(small.names, cst.ImportStar):
                return True
            mod = _dotted(small.module)
            for alias in small.names:
                name = _dotted(alias.name)
                local = alias.asname.name.value if alias.asname is not None else name
                frame.vars[local] = Qual(mod + "." + name)
        return True

    def _if(self, node, frame):
        self.eval(node.test, frame)
        pre_vars, pre_state = dict(frame.vars), self.state
        self.state = pre_state.branch()
        ok_a = self.exec_block(self._body(node), frame)
        a_vars, a_state = frame.vars, self.state
        frame.vars = dict(pre_vars)
        self.state = pre_state.branch()
        ok_b = True
        orelse = node.orelse
        if orelse is not None:
            if isinstance(orelse, cst.If):
                self.cur_stmt = orelse
                ok_b = self._if(orelse, frame) is not False
            else:
                ok_b = self.exec_block(self._body(orelse), frame)
        b_vars, b_state = frame.vars, self.state
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

    def _loop(self, frame, bind, body, orelse):
        # Two passes: the second sees what the first left (a save late in one
        # iteration against a mutation early in the next).  Zero iterations
        # are possible, so the result joins with the state before the loop.
        pre_vars, pre_state = dict(frame.vars), self.state
        self.loop_depth += 1
        header = self.cur_stmt
        for _ in range(2):
            self.state = self.state.branch()
            self.cur_stmt = header
            bind()
            self.exec_block(body, frame)
            frame.vars = _join_vars(pre_vars, frame.vars, pre_state, self.state)
            self.state = State.join(pre_state, self.state)
        self.loop_depth -= 1
        if orelse is not None:
            self.exec_block(self._body(orelse), frame)
        return True

    def _for(self, node, frame):
        it = self.eval(node.iter, frame)
        elem = self.iterate(it)
        return self._loop(frame, lambda: self.assign(node.target, elem, frame, node.iter), self._body(node),
                          node.orelse)

    def _while(self, node, frame):
        return self._loop(frame, lambda: self.eval(node.test, frame), self._body(node), node.orelse)

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
        owner = None
        f = Func(node, closure=frame if frame is not self.globals else None, grad=self._decorated_grad(node, None))
        if any(_decorator_name(d) in ("property", "functools.cached_property", "cached_property")
               for d in node.decorators):
            f.grad = f.grad
        frame.vars[node.name.value] = f
        del owner
        return True

    def _classdef(self, node, frame):
        bases = [self.eval(a.value, frame) for a in node.bases if not a.keyword]
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
            base_op = opname[:-1] if opname else None
            spec = self.k.function("torch.Tensor." + opname) if opname else None
            if spec is not None:
                self._record_saves(spec, opname, {_p(spec, 0): cur, _p(spec, 1): rhs}, cur, node)
            if isinstance(rhs, Tensor) and self.state.grad is not False:
                self._absorb_grad(cur, rhs)
            del base_op
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
        if src.rg is not False and t.rg is not True:
            t.rg = t_or(t.rg, src.rg)
            if t.rg is True:
                t.leaf = False if t.leaf is not True or t.kind != "param" else t.leaf

    # -------------------------------------------------------------- assignment
    def assign(self, target, value, frame, value_node=None):
        t = type(target).__name__
        if t == "Name":
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
                if items is not None:
                    v = items[i]
                elif isinstance(value, Const):
                    v = UNKNOWN_CONST
                elif isinstance(value, Tensor) and value.view != "multi":
                    # tuple-returning op or module: each part is a new tensor
                    v = Tensor(rg=value.rg, leaf=None if value.rg is None else not value.rg, kind=value.kind)
                else:
                    v = self.iterate(value)
                self.assign(el.value, v, frame)
        elif t == "Attribute":
            obj = self.eval(target.value, frame)
            if isinstance(obj, Obj):
                obj.attrs[target.attr.value] = value
            elif isinstance(obj, Tensor) and target.attr.value == "requires_grad":
                flag = value.value if isinstance(value, Const) and isinstance(value.value, bool) else None
                obj.set_requires_grad(flag)
        elif t == "Subscript":
            obj = self.eval(target.value, frame)
            if isinstance(obj, Tensor):
                basic = self._basic_index(target, frame)
                self.mutate(obj, "setitem", "[]=", target, target.value, basic_index=basic)
                if isinstance(value, Tensor) and self.state.grad is not False:
                    self._absorb_grad(obj, value)
            elif isinstance(obj, Seq):
                idx = self._const_index(target, frame)
                if isinstance(idx, int) and obj.items is not None and -len(obj.items) <= idx < len(obj.items) \
                        and not self.loop_depth:
                    obj.items[idx] = value
                else:
                    obj.elem = join(obj.element(), value)
                    obj.items = None
            elif isinstance(obj, Dict):
                key = self._const_index(target, frame)
                if isinstance(key, str):
                    obj.entries[key] = value
                else:
                    obj.entries["?"] = join(obj.entries.get("?"), value)
            elif isinstance(obj, Obj) and obj.items is not None:
                obj.items.append(value)
        elif t == "StarredElement":
            self.assign(target.value, value, frame)

    def _basic_index(self, sub, frame):
        """True for int/slice/None indexing (a view); False for tensor or list indices (a copy)."""
        for el in sub.slice:
            s = el.slice
            if isinstance(s, cst.Slice):
                continue
            v = self.eval(s.value, frame)
            if isinstance(v, Seq) or (isinstance(v, Tensor) and v.kind not in ("opaque", "arg")):
                return False
        return True

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
        return opaque()

    def _attribute(self, node, frame):
        base = self.eval(node.value, frame)
        return self.getattr(base, node.attr.value, node)

    def getattr(self, base, attr, node=None):
        if isinstance(base, Qual):
            return Qual(base.name + "." + attr)
        if isinstance(base, Tensor):
            if attr == "data":
                return Tensor(storage=base.storage, rg=False, leaf=True, data=True, base=base,
                              alias_certain=base.alias_certain, kind=base.kind)
            if attr == "grad":
                return Tensor(rg=False, leaf=True, kind="fresh")
            if attr in ("T", "mT", "H", "mH", "real", "imag"):
                return self._view_of(base, attr, "single")
            if attr in ("shape", "dtype", "device", "ndim", "requires_grad", "is_leaf", "grad_fn", "layout",
                        "is_cuda", "names"):
                return UNKNOWN_CONST
            if self.k.is_tensor_method(attr) or attr in HARMLESS_METHODS:
                return _BoundMethod(base, attr)
            return opaque(base.rg) if base.kind == "opaque" else _BoundMethod(base, attr)
        if isinstance(base, Obj):
            if attr in base.attrs:
                return base.attrs[attr]
            if base.cls is not None:
                m, owner = base.cls.lookup(attr)
                if m is not None:
                    return self._bind_method(m, owner, base)
            return _BoundMethod(base, attr)
        if isinstance(base, ClassInfo):
            m, owner = base.lookup(attr)
            if m is not None:
                return self._bind_method(m, owner, None)
            return _BoundMethod(base, attr)
        if isinstance(base, _Super):
            for b in base.owner.bases:
                if isinstance(b, ClassInfo):
                    m, owner = b.lookup(attr)
                    if m is not None:
                        return self._bind_method(m, owner, base.obj)
            return _BoundMethod(base, attr)
        if isinstance(base, (Seq, Dict)):
            return _BoundMethod(base, attr)
        if isinstance(base, Alt):
            vals = [self.getattr(o, attr, node) for o in base.options]
            if all(v is vals[0] for v in vals):
                return vals[0]
            if all(isinstance(v, (Func, _BoundMethod)) for v in vals):
                return _AltCallable(vals)
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
        if isinstance(base, Tensor):
            basic = self._basic_index(node, frame)
            if basic:
                return self._view_of(base, "__getitem__", "single")
            return Tensor(rg=self._out_rg([base]), leaf=None, kind="fresh")
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
                e = Tensor(storage=e.storage, rg=e.rg, leaf=e.leaf, view=e.view, base=e.base, data=e.data,
                           alias_certain=e.alias_certain, kind=e.kind, members=e.members, node=e.node,
                           noncontig=e.noncontig, hide=e.hide)
                e.partial = True
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
        left = self.eval(node.left, frame)
        right = self.eval(node.right, frame)
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
            return Tensor(rg=self._out_rg([left, right]), leaf=None, kind="fresh")
        return self.apply_op(spec, op, [left, right], {}, node)

    def _unaryop(self, node, frame):
        v = self.eval(node.expression, frame)
        if isinstance(v, Tensor):
            if type(node.operator).__name__ == "Minus":
                spec = self.k.function("torch.neg")
                if spec is not None:
                    return self.apply_op(spec, "neg", [v], {}, node)
            return Tensor(rg=self._out_rg([v]) if type(node.operator).__name__ == "Minus" else False,
                          leaf=None, kind="fresh")
        return UNKNOWN_CONST

    def _boolop(self, node, frame):
        return join(self.eval(node.left, frame), self.eval(node.right, frame))

    def _compare(self, node, frame):
        vals = [self.eval(node.left, frame)] + [self.eval(c.comparator, frame) for c in node.comparisons]
        if any(isinstance(v, Tensor) for v in vals):
            return Tensor(rg=False, leaf=True, kind="fresh")
        return UNKNOWN_CONST

    def _ifexp(self, node, frame):
        self.eval(node.test, frame)
        return join(self.eval(node.body, frame), self.eval(node.orelse, frame))

    def _tuple(self, node, frame):
        return Seq(items=[self.eval(e.value, frame) for e in node.elements], is_tuple=True)

    def _list(self, node, frame):
        items = []
        for e in node.elements:
            v = self.eval(e.value, frame)
            if isinstance(e, cst.StarredElement):
                return Seq(elem=join(join_all(items) if items else None, self.iterate(v)))
            items.append(v)
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
            return Const("?")
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
                args.append(_Star(v))
            elif a.star == "**":
                pass
            else:
                args.append(v)
        return self.call(func, args, kwargs, node, frame)

    def call(self, func, args, kwargs, node, frame=None):
        if isinstance(func, Func):
            return self.call_function(func, args, kwargs, node)
        if isinstance(func, Qual):
            return self.call_qual(func.name, args, kwargs, node)
        if isinstance(func, _BoundMethod):
            return self.call_method(func.recv, func.name, args, kwargs, node)
        if isinstance(func, _AltCallable):
            return self._each(Alt(func.options), lambda o: self.call(o, args, kwargs, node))
        if isinstance(func, ClassInfo):
            return self.instantiate(func, node, args=args, kwargs=kwargs)
        if isinstance(func, Obj):
            return self.apply_module(func, args, kwargs, node)
        if isinstance(func, Alt):
            return self._each(func, lambda o: self.call(o, args, kwargs, node))
        if isinstance(func, _Super):
            return opaque()
        if isinstance(func, Tensor):
            # a method of something we cannot see into: its result depends on
            # the object too (dist.log_prob(a) requires grad when dist does)
            return opaque(self._taint([func] + list(args), kwargs))
        return opaque(self._taint(args, kwargs))

    def _each(self, alt, fn):
        """Follow every option of an Alt; what happens in one is only possible."""
        self.doubt += 1
        try:
            results = [fn(o) for o in alt.options]
        finally:
            self.doubt -= 1
        out = join_all(results)
        if isinstance(out, Tensor) and any(r is not results[0] for r in results):
            out.alias_certain = False
        return out

    def _taint(self, args, kwargs):
        """requires_grad of the result of something we cannot see into."""
        rg = False
        for v in list(args) + list(kwargs.values()):
            if isinstance(v, _Star):
                v = v.value
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
    def call_function(self, func: Func, args, kwargs, node, frame_parent=None, standalone=False):
        fnode = func.node
        if not standalone:
            if (fnode in self.active or len(self.chain) >= MAX_DEPTH or self.steps > self.budget):
                return opaque(self._taint(args, kwargs))
        frame = Frame(parent=func.closure or frame_parent or self.globals, func=func)
        self._bind_params(fnode, func, args, kwargs, frame)
        saved_stmt = self.cur_stmt
        saved_grad = self.state.grad
        if func.grad is not None:
            self.state.grad = func.grad
        self.active.append(fnode)
        self.funcs.append(func)
        saved_chain = self.chain
        if not standalone:
            self.chain = self.chain + ((fnode.name.value, node, self.cur_stmt),)
        try:
            if self.exec_block(self._body(fnode), frame):
                frame.returns.append((Const(None), frozenset(self.state.seen)))
        finally:
            self.active.pop()
            self.funcs.pop()
            self.chain = saved_chain
            self.cur_stmt = saved_stmt
            if func.grad is not None:
                self.state.grad = saved_grad
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
            if isinstance(a, _Star):
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
                v = Tensor(rg=None, leaf=None, kind="arg")
            frame.vars[name] = v
        for p in params.kwonly_params:
            name = p.name.value
            if name in kwargs:
                frame.vars[name] = kwargs[name]
            elif p.default is not None:
                frame.vars[name] = self.eval(p.default, self.globals)
            else:
                frame.vars[name] = Tensor(rg=None, leaf=None, kind="arg")
        if isinstance(params.star_arg, cst.Param):
            rest = flat[len(plist):]
            frame.vars[params.star_arg.name.value] = Seq(items=rest, is_tuple=True)
        if params.star_kwarg is not None:
            frame.vars[params.star_kwarg.name.value] = Dict(
                {k: v for k, v in kwargs.items() if k not in {p.name.value for p in plist}})

    # classes and modules -----------------------------------------------------
    def instantiate(self, info: ClassInfo, node, args=(), kwargs=None, opaque_args=False):
        kwargs = kwargs or {}
        obj = Obj(cls=info, is_module=info.kind == "module", ctor_node=node, ctor_top=self.cur_stmt)
        if info.kind == "optimizer":
            obj.qual = "optimizer"
            if args:
                obj.params = self._param_source(args[0])
        init, owner = info.lookup("__init__")
        if init is not None:
            if opaque_args:
                n = len(init.params.params) - 1
                args = [Tensor(rg=None, leaf=None, kind="arg") for _ in range(max(n, 0))]
            self.call_function(Func(init, owner=owner, bound=obj), args, kwargs, node or init,
                               standalone=opaque_args)
        elif info.known_base:
            self._init_known(obj, info.known_base, args, kwargs)
        return obj

    def _init_known(self, obj, qual, args, kwargs):
        spec = self.k.module(qual)
        if spec is not None:
            for p in spec.get("params", []):
                obj.attrs.setdefault(p, Tensor(rg=True, leaf=True, kind="param"))
            if spec.get("inplace_kw"):
                sig = spec.get("init_params") or []

                def arg(name):
                    if name in kwargs:
                        return kwargs[name]
                    if name in sig and sig.index(name) < len(args):
                        return args[sig.index(name)]
                    return None

                v = arg("inplace")
                obj.inplace = isinstance(v, Const) and v.value is True
                if obj.inplace and "p" in sig:
                    # dropout with p == 0 returns its input untouched
                    p = arg("p")
                    if isinstance(p, Const) and p.value == 0:
                        obj.inplace = False
                    elif p is not None and not isinstance(p, Const):
                        obj.inplace = None
        if qual in MODULE_CONTAINERS and obj.items is None:
            obj.items = self._container_items(qual, args, kwargs, obj)

    def _container_items(self, qual, args, kwargs, obj):
        if qual in ("torch.nn.Sequential",):
            items = []
            for a in args:
                if isinstance(a, _Star):
                    if isinstance(a.value, Seq) and a.value.items is not None:
                        items.extend(a.value.items)
                    else:
                        items.append(self.iterate(a.value))
                elif isinstance(a, Dict):
                    items.extend(a.entries.values())
                else:
                    items.append(a)
            return items
        if qual in ("torch.nn.ModuleDict", "torch.nn.ParameterDict"):
            if args and isinstance(args[0], Dict):
                obj.attrs.update(args[0].entries)
            return None
        if args:
            a = args[0]
            if isinstance(a, Seq):
                return list(a.items) if a.items is not None else [a.element()]
            return [self.iterate(a)]
        return []

    def construct_known(self, qual, args, kwargs, node):
        obj = Obj(qual=qual, is_module=True, ctor_node=node, ctor_top=self.cur_stmt)
        self._init_known(obj, qual, args, kwargs)
        return obj

    def apply_module(self, obj: Obj, args, kwargs, node):
        if obj.cls is not None and obj.qual != "optimizer":
            fwd, owner = obj.cls.lookup("forward" if obj.is_module else "__call__")
            if fwd is not None:
                return self.call_function(Func(fwd, owner=owner, bound=obj, grad=self._decorated_grad(fwd, owner)),
                                          args, kwargs, node)
            if obj.cls.known_base:
                return self._apply_known(obj, obj.cls.known_base, args, kwargs, node)
            return opaque(self._taint(args, kwargs))
        if obj.qual == "torch.nn.Sequential":
            x = args[0] if args else opaque()
            self.in_seq += 1
            try:
                for item in obj.items or []:
                    if isinstance(item, (Obj, Alt)):
                        x = self.call(item, [x], {}, node)
                    else:
                        x = opaque(t_or(x.rg, None) if isinstance(x, Tensor) else None)
            finally:
                self.in_seq -= 1
            return x
        if obj.qual:
            return self._apply_known(obj, obj.qual, args, kwargs, node)
        return opaque(self._taint(args, kwargs))

    def _apply_known(self, obj, qual, args, kwargs, node):
        spec = self.k.module(qual)
        x = args[0] if args else kwargs.get("input")
        if isinstance(x, _Star):
            x = opaque()
        params = obj.own_params()
        if spec is None:
            rg = self._taint(args, kwargs)
            if params and self.state.grad is True:
                rg = t_or(rg, _params_rg(params))
            return Tensor(rg=rg, leaf=None if rg is None else not rg, kind="opaque")
        tensors = [a for a in args if isinstance(a, Tensor)] + params
        out_rg = self._out_rg(tensors)
        short = qual.rsplit(".", 1)[-1]
        saves = spec.get("saves", [])
        if obj.inplace is not False and isinstance(x, Tensor):
            # name the tensor: the call's argument, or the layer's input inside a Sequential
            target = node
            label = f"{short}(inplace=True)"
            if self.in_seq:
                label += " inside the Sequential"
            elif isinstance(node, cst.Call) and node.args:
                target = node.args[0].value
            self.mutate(x, "module_inplace", label, node, target,
                        related_node=obj.ctor_node, related_message=f"{short}(inplace=True) constructed here",
                        certain=obj.inplace is True, related_top=obj.ctor_top)
            out = x
            if out_rg is True:
                self._absorb_grad(x, Tensor(rg=True))
            # The in-place kernel saves what its own formula needs: an input it
            # overwrote is kept as a copy, so only the output can alias.
            saves = spec.get("saves_inplace", [w for w in saves if w != "input"])
        elif spec.get("view") == "identity" and isinstance(x, Tensor):
            out = x
        elif spec.get("view") == "single" and isinstance(x, Tensor):
            out = self._view_of(x, short, "single")
        else:
            out = Tensor(rg=out_rg, leaf=None if out_rg is None else not out_rg, kind="fresh")
        if out_rg is not False:
            for what in saves:
                if what == "input":
                    t = x
                elif what == "result":
                    t = out
                else:
                    t = obj.attrs.get(what)
                if isinstance(t, Tensor):
                    self._save(t, short, what, node, out_rg is True and what not in spec.get("saves_sometimes", ()))
        return out

    def _param_source(self, v):
        if isinstance(v, Seq):
            e = v.element()
            if isinstance(e, Dict):
                e = e.entries.get("params", opaque())
                if isinstance(e, Seq):
                    e = e.element()
            return e if isinstance(e, Tensor) else None
        if isinstance(v, Tensor):
            return v
        return None

    # torch names --------------------------------------------------------------
    def call_qual(self, name, args, kwargs, node):
        if name.startswith("builtins."):
            return self._builtin(name[9:], args, kwargs, node)
        if name in NO_GRAD_CTX:
            return GradCtx(enabled=NO_GRAD_CTX[name])
        if name in ("torch.set_grad_enabled", "torch.autograd.set_grad_enabled",
                    "torch.autograd.grad_mode.set_grad_enabled"):
            v = args[0] if args else kwargs.get("mode")
            enabled = v.value if isinstance(v, Const) and isinstance(v.value, bool) else None
            # Used as a plain call it switches grad mode for what follows.
            self.state.grad = enabled
            return GradCtx(enabled=enabled)
        if name in HOOK_CTX:
            return GradCtx(hooks=True)
        if name in BACKWARD_FUNCS:
            self._backward(kwargs, accumulates=name.endswith("backward"))
            return opaque(False) if name.endswith("grad") else Const(None)
        if name in PARAM_CLASSES:
            src = args[0] if args else kwargs.get("data")
            rgv = kwargs.get("requires_grad") or (args[1] if len(args) > 1 else None)
            rg = rgv.value if isinstance(rgv, Const) and isinstance(rgv.value, bool) else True
            return Tensor(rg=rg, leaf=True, kind="param", node=node,
                          storage=src.storage if isinstance(src, Tensor) and src.kind == "fresh" else None)
        if name in ("copy.deepcopy", "copy.copy"):
            return self._deepcopy(args[0] if args else opaque())
        if name.startswith("torch.nn.init."):
            return args[0] if args else opaque()
        if name.startswith("torch.optim.") and name.rsplit(".", 1)[-1][:1].isupper() and "lr_scheduler" not in name:
            obj = Obj(qual="optimizer", ctor_node=node, ctor_top=self.cur_stmt)
            obj.params = self._param_source(args[0] if args else kwargs.get("params"))
            return obj
        if name.startswith("torch.nn.") and name.rsplit(".", 1)[-1][:1].isupper() and \
                not name.startswith("torch.nn.functional"):
            if name in PARAM_CLASSES:
                return opaque()
            return self.construct_known(name, args, kwargs, node)
        spec = self.k.function(name)
        short = name.rsplit(".", 1)[-1]
        if spec is not None:
            return self.apply_op(spec, short, args, kwargs, node, qualname=name)
        if name.startswith("torch.") and short.startswith(FACTORY_PREFIXES):
            rgv = kwargs.get("requires_grad")
            rg = isinstance(rgv, Const) and rgv.value is True
            return Tensor(rg=rg, leaf=True, kind="fresh", node=node)
        return opaque(self._taint(args, kwargs))

    def _backward(self, kwargs, accumulates=True):
        retain = kwargs.get("retain_graph") or kwargs.get("create_graph")
        keep = retain is not None and not (isinstance(retain, Const) and not retain.value)
        if accumulates:
            self.state.backward(free=not keep)
        elif not keep:
            grads = self.state.grads
            self.state.backward()
            self.state.grads = grads  # autograd.grad returns grads, leaves .grad alone

    def _zero_grad(self, kwargs):
        flag = kwargs.get("set_to_none")
        if flag is None or isinstance(flag, Const) and flag.value is True:
            self.state.grads = False  # the default since torch 2.0
        elif not isinstance(flag, Const):
            self.state.grads = None

    def _deepcopy(self, v):
        if isinstance(v, Obj):
            memo = {}
            return _copy_obj(v, memo)
        if isinstance(v, Tensor):
            return Tensor(rg=v.rg, leaf=True if v.rg is not None else None, kind=v.kind)
        return v

    def _builtin(self, name, args, kwargs, node):
        if name in ("zip",):
            return Seq(elem=Seq(items=[self.iterate(a.value if isinstance(a, _Star) else a) for a in args],
                                is_tuple=True))
        if name == "enumerate":
            return Seq(elem=Seq(items=[Const(0), self.iterate(args[0]) if args else opaque()], is_tuple=True))
        if name in ("list", "tuple", "sorted", "reversed", "iter", "set", "frozenset"):
            if not args:
                return Seq(items=[])
            a = args[0]
            if isinstance(a, Seq):
                return Seq(items=a.items, elem=a.elem, is_tuple=name == "tuple")
            return Seq(elem=self.iterate(a), is_tuple=name == "tuple")
        if name == "next":
            return self.iterate(args[0]) if args else opaque()
        if name in ("sum", "max", "min"):
            if len(args) == 1:
                e = self.iterate(args[0])
                if isinstance(e, Tensor):
                    return Tensor(rg=self._out_rg([e]), leaf=None, kind="fresh")
                return UNKNOWN_CONST
            if any(isinstance(a, Tensor) for a in args):
                return Tensor(rg=self._out_rg(args), leaf=None, kind="fresh")
            return UNKNOWN_CONST
        if name == "getattr" and len(args) >= 2 and isinstance(args[1], Const) and isinstance(args[1].value, str):
            return self.getattr(args[0], args[1].value)
        if name == "setattr" and len(args) == 3 and isinstance(args[0], Obj) and isinstance(args[1], Const):
            args[0].attrs[str(args[1].value)] = args[2]
            return Const(None)
        if name == "super":
            f = self._current_func()
            if f is not None and f.owner is not None:
                return _Super(f.owner, f.bound)
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
    def call_method(self, recv, name, args, kwargs, node):
        if isinstance(recv, Tensor):
            return self.tensor_method(recv, name, args, kwargs, node)
        if isinstance(recv, Obj):
            return self.object_method(recv, name, args, kwargs, node)
        if isinstance(recv, _Super):
            if name == "__init__" and recv.obj is not None:
                for b in recv.owner.bases:
                    if isinstance(b, Qual):
                        if b.name.startswith("torch.optim"):
                            recv.obj.params = self._param_source(args[0]) if args else None
                        elif self.k.module(b.name) is not None or b.name in MODULE_CONTAINERS:
                            self._init_known(recv.obj, b.name, args, kwargs)
                return Const(None)
            if name == "forward" and recv.owner.known_base and recv.obj is not None:
                return self._apply_known(recv.obj, recv.owner.known_base, args, kwargs, node)
            return opaque(self._taint(args, kwargs))
        if isinstance(recv, Seq):
            if name in ("append", "insert", "add"):
                if args:
                    if name == "append" and recv.items is not None and not self.loop_depth:
                        recv.items.append(args[-1])  # straight-line appends keep the order
                    else:
                        recv.elem = join(recv.element(), args[-1])
                        recv.items = None
                return Const(None)
            if name == "extend" and args:
                recv.elem = join(recv.element(), self.iterate(args[0]))
                recv.items = None
                return Const(None)
            if name == "pop":
                return recv.element()
            if name in ("copy",):
                return Seq(items=recv.items, elem=recv.elem)
            return UNKNOWN_CONST
        if isinstance(recv, Dict):
            if name == "items":
                return Seq(elem=Seq(items=[Const("?"), join_all(recv.entries.values()) if recv.entries else opaque()],
                                    is_tuple=True))
            if name == "values":
                return Seq(elem=join_all(recv.entries.values()) if recv.entries else opaque())
            if name in ("get", "pop", "setdefault"):
                key = args[0].value if args and isinstance(args[0], Const) else None
                if key in recv.entries:
                    return recv.entries[key]
                return args[1] if len(args) > 1 else opaque()
            if name == "keys":
                return Seq(elem=Const("?"))
            if name == "update" and args and isinstance(args[0], Dict):
                recv.entries.update(args[0].entries)
            return UNKNOWN_CONST
        if isinstance(recv, ClassInfo):
            if name == "apply" and recv.kind == "function":
                fwd, owner = recv.lookup("forward")
                if fwd is not None:
                    self.call_function(Func(fwd, owner=owner, grad=False), [opaque(False)] + list(args), kwargs, node)
                return opaque(self._taint(args, kwargs))
            return opaque(self._taint(args, kwargs))
        return opaque(self._taint(args, kwargs))

    def object_method(self, obj: Obj, name, args, kwargs, node):
        if obj.qual == "optimizer" and obj.cls is None or (obj.cls is not None and obj.cls.kind == "optimizer"
                                                           and name == "step"):
            if name == "step":
                if obj.cls is not None:
                    m, owner = obj.cls.lookup("step")
                    if m is not None:
                        self.call_function(Func(m, owner=owner, bound=obj, grad=False), args, kwargs, node)
                # step() skips parameters whose .grad is None (never computed,
                # or reset by zero_grad()).
                if obj.params is not None and self.state.grads is not False:
                    saved = self.state.grad
                    self.state.grad = False
                    self.mutate(obj.params, "step", "step", node, node, certain=self.state.grads is True)
                    self.state.grad = saved
                return Const(None)
            if name == "zero_grad":
                self._zero_grad(kwargs)
            return Const(None)
        if name in ("parameters", "named_parameters"):
            group = self._module_params(obj)
            return Seq(elem=group if name == "parameters" else Seq(items=[Const("?"), group], is_tuple=True))
        if name in ("buffers", "named_buffers"):
            bufs = [v for m in obj.submodules() for v in m.attrs.values() if isinstance(v, Tensor) and v.kind == "buffer"]
            g = make_group(bufs, kind="buffer") if bufs else Tensor(kind="buffer")
            return Seq(elem=g if name == "buffers" else Seq(items=[Const("?"), g], is_tuple=True))
        if name in ("modules", "children", "named_modules", "named_children"):
            mods = [m for m in obj.submodules()]
            e = join_all(mods) if mods else opaque()
            return Seq(elem=e if not name.startswith("named") else Seq(items=[Const("?"), e], is_tuple=True))
        if name == "zero_grad":
            self._zero_grad(kwargs)
            return Const(None)
        if name in ("train", "eval", "to", "cuda", "cpu", "float", "double", "half", "bfloat16", "type",
                    "share_memory"):
            return obj
        if name == "requires_grad_":
            flag = args[0] if args else kwargs.get("requires_grad", Const(True))
            value = flag.value if isinstance(flag, Const) and isinstance(flag.value, bool) else None
            self._module_params(obj).set_requires_grad(value)
            return obj
        if name == "register_buffer" and len(args) >= 2 and isinstance(args[0], Const):
            t = args[1]
            if isinstance(t, Tensor):
                t.kind = "buffer" if t.kind in ("fresh", "opaque") else t.kind
            obj.attrs[str(args[0].value)] = t
            return Const(None)
        if name in ("register_parameter", "add_module", "register_module") and len(args) >= 2 \
                and isinstance(args[0], Const):
            obj.attrs[str(args[0].value)] = args[1]
            return Const(None)
        if name == "apply" and args:
            subs = list(obj.submodules())
            self.call(args[0], [join_all(subs)], {}, node)
            return obj
        if name == "forward":
            return self.apply_module(obj, args, kwargs, node)
        if name in ("append", "extend", "insert") and obj.items is not None:
            if name == "extend" and args:
                obj.items.append(self.iterate(args[0]))
            elif args:
                obj.items.append(args[-1])
            return Const(None)
        if name in ("state_dict", "named_parameters"):
            return Dict({})
        return opaque(self._taint(args, kwargs))

    def _module_params(self, obj: Obj):
        g = obj.param_group()
        if g.kind == "param" and g.members is None and not any(True for _ in obj.own_params()) and not \
                any(m.own_params() for m in obj.submodules()):
            # No parameter is known by name; nn.Module parameters require grad
            # by default, so stand in one that does and keep it for later calls.
            p = obj.attrs.get("__params__")
            if p is None:
                p = Tensor(rg=True, leaf=True, kind="param")
                obj.attrs["__params__"] = p
            return p
        return g

    def tensor_method(self, t: Tensor, name, args, kwargs, node):
        if name == "backward":
            self._backward(kwargs)
            return Const(None)
        if name == "requires_grad_":
            flag = args[0] if args else kwargs.get("requires_grad", Const(True))
            value = flag.value if isinstance(flag, Const) and isinstance(flag.value, bool) else None
            if value is not False and t.rg is not True:
                # becomes a leaf that requires grad (only leaves can be switched)
                t.leaf = True if t.leaf is True or t.rg is False else t.leaf
            t.set_requires_grad(value if value is not None else t_or(t.rg, None))
            return t
        if name == "detach_":
            t.rg, t.leaf = False, True
            return t
        if name in HARMLESS_METHODS:
            return t if name.endswith("_") else Const(None)
        if name in ("item", "tolist", "size", "dim", "numel", "numpy", "data_ptr", "element_size", "stride",
                    "is_contiguous", "nelement", "__len__", "storage_offset", "get_device"):
            return UNKNOWN_CONST
        if name == "detach":
            # shares the version counter, but is a fresh leaf, not a view: in-place on it is allowed
            # (only the saves on the shared counter matter)
            return Tensor(storage=t.storage, rg=False, leaf=True, alias_certain=t.alias_certain,
                          kind=t.kind if t.kind != "param" else "fresh", noncontig=t.noncontig)
        if name in SURE_ALIAS_METHODS and not args and not kwargs:
            return t
        if name == "clone":
            return Tensor(rg=self._out_rg([t]), leaf=None if t.rg is None else not (t.rg and self.state.grad),
                          kind="fresh") if t.rg is not False else Tensor(rg=False, leaf=True, kind="fresh")
        spec = self.k.method(name)
        if spec is None:
            return opaque(self._taint([t] + list(args), kwargs))
        return self.apply_op(spec, name, [t] + list(args), kwargs, node, method=True)

    # ops ----------------------------------------------------------------------
    def apply_op(self, spec, name, args, kwargs, node, method=False, qualname=None):
        params = spec.get("params") or []
        bound = {}
        pos = [a for a in args if not isinstance(a, _Star)]
        for i, a in enumerate(pos):
            if i < len(params):
                bound[params[i]] = a
        for k, v in kwargs.items():
            bound[k] = v
        first = pos[0] if pos else bound.get(params[0]) if params else None
        tensors = [v for v in bound.values() if isinstance(v, Tensor)]
        for a in pos[len(params):]:
            if isinstance(a, Tensor):
                tensors.append(a)
            elif isinstance(a, Seq):
                e = a.element()
                if isinstance(e, Tensor):
                    tensors.append(e)
        for v in list(bound.values()):
            if isinstance(v, Seq):  # torch.cat([a, b]) and friends
                e = v.element()
                if isinstance(e, Tensor):
                    tensors.append(e)
        out = bound.get("out")
        if isinstance(out, Tensor):
            ins = [t for t in tensors if t is not out]
            self.mutate(out, "out", "out=", node, _kwarg_node(node, "out") or node,
                        out_rg=self._out_rg(ins))
            return out
        inplace_kw = bound.get("inplace")
        is_inplace = spec.get("inplace") or (isinstance(inplace_kw, Const) and inplace_kw.value is True)
        certain = True
        save_spec = spec
        if is_inplace and not spec.get("inplace"):
            # inplace=True on a functional: saves follow the in-place kernel
            variant = self.k.function(qualname + "_") if qualname else None
            save_spec = variant or {"params": params, "saves": [w for w in spec.get("saves", ()) if w != "input"]}
            p, training = bound.get("p"), bound.get("training")
            if isinstance(p, Const) and p.value == 0 or isinstance(training, Const) and training.value is False:
                is_inplace = False  # dropout that does nothing returns its input
            elif p is not None and not isinstance(p, Const):
                certain = False
        differentiable = spec.get("differentiable", True)
        out_rg = self._out_rg(tensors) if differentiable else False
        rgv = kwargs.get("requires_grad")
        if isinstance(rgv, Const) and rgv.value is True:
            return Tensor(rg=True, leaf=True, kind="fresh", node=node)
        if is_inplace and isinstance(first, Tensor):
            target_node = node.func.value if method and isinstance(node, cst.Call) and \
                isinstance(node.func, cst.Attribute) else (node.args[0].value if isinstance(node, cst.Call)
                                                           and node.args else node)
            label = name if spec.get("inplace") else f"{name}(inplace=True)"
            self.mutate(first, "method" if method else ("function" if spec.get("inplace") else "inplace_kw"),
                        label, node, target_node, certain=certain)
            if out_rg is True:
                self._absorb_grad(first, Tensor(rg=True))
            result = first
        else:
            view = spec.get("view")
            if view and isinstance(first, Tensor):
                if spec.get("view_maybe_copy") and _noncontig(first):
                    result = Tensor(rg=out_rg, leaf=None if out_rg is None else not out_rg, kind="fresh")
                else:
                    result = self._view_of(first, name, view)
                    if view == "multi":
                        result = Seq(elem=result, is_tuple=True)
            elif spec.get("maybe_alias") and isinstance(first, Tensor):
                result = Tensor(storage=first.storage, rg=first.rg, leaf=first.leaf, base=first, view=first.view,
                                alias_certain=False, kind=first.kind)
            else:
                result = Tensor(rg=out_rg, leaf=None if out_rg is None else not out_rg, kind="fresh", node=node)
        if out_rg is not False:
            self._record_saves(save_spec, name, bound, result, node, out_rg)
        return result

    def _record_saves(self, spec, name, bound, result, node, out_rg=None):
        saves = spec.get("saves") or ()
        if not saves:
            return
        saved_for = spec.get("saved_for") or {}
        sometimes = spec.get("saves_sometimes") or ()
        if out_rg is None:
            out_rg = self._out_rg([v for v in bound.values() if isinstance(v, Tensor)])
        for what in saves:
            if what == "result":
                t = result
            else:
                t = bound.get(what)
            if isinstance(t, Seq):
                t = t.element()
            if not isinstance(t, Tensor):
                continue
            need = saved_for.get(what)
            if need:
                cond = False
                for p in need:
                    v = bound.get(p) if p != "result" else result
                    if isinstance(v, Tensor):
                        cond = t_or(cond, v.rg)
                cond = t_and(cond, self.state.grad)
            else:
                cond = out_rg
            if cond is False:
                continue
            certain = cond is True and what not in sometimes
            if name.rstrip("_") in FOLDING_OPS and _noncontig(t):
                certain = False  # saved a reshaped copy, not this view
            self._save(t, name, what, node, certain)

    def _save(self, t: Tensor, op, what, node, certain):
        if t.data:
            return
        certain = certain and t.alias_certain and not self.doubt and not t.partial
        t.storage.saves.append(Save(op, what, node, certain, self.state.hooked, self.state.epoch, self.cur_stmt))

    def _view_of(self, base: Tensor, op, kind):
        view = kind
        if base.view in ("multi", "nograd"):
            view = base.view
        elif self.state.grad is False and base.rg is not False and kind != "multi":
            view = "nograd"
        v = Tensor(storage=base.storage, rg=base.rg if self.state.grad is not False or base.rg is False else base.rg,
                   leaf=False if base.rg is True else (None if base.rg is None else True), view=view, base=base,
                   data=base.data, alias_certain=base.alias_certain,
                   kind=base.kind if base.kind in ("opaque", "arg") else "fresh")
        v.noncontig = op in NONCONTIG_VIEWS or base.noncontig
        v.partial = base.partial
        return v

    # events -------------------------------------------------------------------
    def mutate(self, t: Tensor, kind, op, node, target_node, out_rg=None, related_node=None,
               related_message="", basic_index=False, certain=True, related_top=None):
        live = [s for s in t.visible_saves() if self.state.live(s)]
        snap = _Snapshot(t)
        if self.doubt or not certain:
            snap.alias_certain = False
        self.events.append(RawEvent(kind, op, node, target_node, snap, self.state.grad, live,
                                    self.chain, out_rg=out_rg, related_node=related_node,
                                    related_message=related_message, basic_index=basic_index, top=self.cur_stmt,
                                    related_top=related_top))


class _Snapshot:
    """Facts about a tensor at the moment it was modified."""

    __slots__ = ("rg", "leaf", "view", "base_rg", "base_leaf", "data", "alias_certain", "kind")

    def __init__(self, t: Tensor):
        self.rg, self.leaf, self.view, self.data = t.rg, t.leaf, t.view, t.data
        self.alias_certain, self.kind = t.alias_certain, t.kind
        root = t.root() if t.base is not None else None
        self.base_rg = root.rg if root is not None else None
        self.base_leaf = root.leaf if root is not None else None
        if t.data and root is not None:
            self.rg, self.leaf = root.rg, root.leaf


class _BoundMethod:
    __slots__ = ("recv", "name")

    def __init__(self, recv, name):
        self.recv = recv
        self.name = name


class _AltCallable:
    __slots__ = ("options",)

    def __init__(self, options):
        self.options = options


class _Super:
    __slots__ = ("owner", "obj")

    def __init__(self, owner, obj):
        self.owner = owner
        self.obj = obj


class _Star:
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


_BUILTINS = {"zip", "enumerate", "list", "tuple", "sorted", "reversed", "iter", "next", "sum", "max", "min",
             "getattr", "setattr", "super", "dict", "map", "filter", "print", "set", "frozenset", "len", "range",
             "isinstance", "int", "float", "str", "bool", "abs", "round", "hasattr", "type", "id", "any", "all"}


def _p(spec, i):
    params = spec.get("params") or []
    return params[i] if i < len(params) else f"_{i}"


def _params_rg(params):
    rg = False
    for p in params:
        rg = t_or(rg, p.rg)
    return rg


def _noncontig(t: Tensor):
    return t.noncontig


def _kwarg_node(call, name):
    if isinstance(call, cst.Call):
        for a in call.args:
            if a.keyword is not None and a.keyword.value == name:
                return a.value
    return None


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


def _copy_obj(obj: Obj, memo):
    if obj.mid in memo:
        return memo[obj.mid]
    new = Obj(cls=obj.cls, qual=obj.qual, is_module=obj.is_module, ctor_node=obj.ctor_node, ctor_top=obj.ctor_top)
    memo[obj.mid] = new
    new.inplace = obj.inplace

    def cp(v):
        if isinstance(v, Obj):
            return _copy_obj(v, memo)
        if isinstance(v, Tensor) and v.kind in ("param", "buffer"):
            return Tensor(rg=v.rg, leaf=v.leaf, kind=v.kind)
        if isinstance(v, Seq):
            return Seq(items=[cp(i) for i in v.items] if v.items is not None else None,
                       elem=cp(v.elem) if v.elem is not None else None, is_tuple=v.is_tuple)
        return v

    new.attrs = {k: cp(v) for k, v in obj.attrs.items()}
    new.items = [cp(i) for i in obj.items] if obj.items is not None else None
    return new


def _count_statements(module):
    # cheap size measure for the inlining budget: top-level and class bodies
    n = 0
    for s in module.body:
        n += 1
        if isinstance(s, (cst.FunctionDef, cst.ClassDef)):
            n += len(s.body.body) * 4
    return n

