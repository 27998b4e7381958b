"""Class statements and context managers of the code's own.

A class's bases, methods and class attributes, and what defining a class or function runs: a
base's ``__init_subclass__``, decorators of this file or small ones of the project (registries).
Objects of the code's own classes used in ``with`` run ``__enter__``/``__exit__``; a
``@contextmanager`` generator runs up to its ``yield`` when entered and the rest at the end of
the block.  Mixed into ``Interpreter``, whose state it uses."""
from __future__ import annotations

import libcst as cst

from .frames import Frame, decorator_name
from .project import hooks as project_hooks
from .standalone import scope_opened
from .torch_semantics import MODULE_CONTAINERS
from .values import BoundMethod, ClassInfo, Const, Func, Obj, Qual, mro


class ClassDefs:
    def _run_decorators(self, node, value, frame):
        """A decorator of this code or the project's (``@register_loss("soft_ce")``,
        ``@loop.on(event)``, ``@MODELS.register("gate")`` on a class) runs for what it does:
        a registry entry the code calls by key later.  The name keeps the function or
        class itself (a wrapper it may return is not followed)."""
        for d in reversed(node.decorators):
            head = frame.lookup(decorator_name(d).partition(".")[0])
            imported = isinstance(head, Qual) and self.project is not None
            if imported:
                head = project_hooks.resolve_value(self, head)
            if isinstance(head, Func) or isinstance(head, Obj) and head.cls is not None:
                deco = self.eval(d.decorator, frame)
                if isinstance(deco, Qual) and self.project is not None:
                    deco = project_hooks.resolve_value(self, deco)
                if imported and isinstance(deco, Func) and not _small(deco.node):
                    continue  # a framework's registration (timm's register_model on every builder)
                if isinstance(deco, (Func, BoundMethod)):
                    self.call(deco, [value], {}, d)

    def _classdef(self, node, frame):
        scope_opened(self, frame)  # (its methods may read the locals of a function it is made in)
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
        scope = Frame(parent=frame)  # the class body's names, for attributes built from earlier ones
        for s in node.body.body:
            if type(s) is cst.FunctionDef:
                info.methods[s.name.value] = s
            elif type(s) is cst.SimpleStatementLine:
                for small in s.body:
                    target = small.targets[0].target if type(small) is cst.Assign and len(small.targets) == 1 \
                        else small.target if type(small) is cst.AnnAssign and small.value is not None else None
                    if type(target) is cst.Name:
                        info.attrs[target.value] = scope.vars[target.value] = self.eval(small.value, scope)
        self._init_subclass(info, node, frame)
        frame.vars[node.name.value] = info
        self._run_decorators(node, info, frame)
        return True

    def _init_subclass(self, info, node, frame):
        """``class GroupNorm(NormBase, key="group")``: a base's ``__init_subclass__`` runs with
        the new class and the class keywords (a registry filled as classes are defined)."""
        for c in mro(info)[1:]:
            if not isinstance(c, ClassInfo):
                return
            m = c.methods.get("__init_subclass__")
            if m is not None:
                kwargs = {a.keyword.value: self.eval(a.value, frame) for a in node.keywords
                          if a.keyword is not None and a.keyword.value != "metaclass"}
                self.call_function(Func(m, owner=c, bound=info), [], kwargs, node)
                return

    def enter_generator(self, f, call, frame):
        """``with swapped(model):`` where ``swapped`` is a ``@contextmanager`` generator of this
        file: what runs before its ``yield`` runs now (``torch.set_grad_enabled(False)``, weights
        swapped in), the yielded value is the ``as`` name's, and what follows the yield (a
        ``finally`` restoring them) runs at the end of the block (``exit_generator``).  Returns
        (value, state for exit_generator), or None for anything else (``f``: the callee of
        ``call``, evaluated)."""
        if isinstance(f, Qual) and self.project is not None:
            f = project_hooks.resolve_value(self, f)  # ``from .unroll import unrolled``
        if not isinstance(f, Func) or not any(decorator_name(d) in ("contextmanager", "contextlib.contextmanager")
                                              for d in f.node.decorators):
            return None
        # (another module's runs in that module, as a call into it does: its names, its place)
        foreign = self.project is not None and project_hooks.globals_of(self, f.node) is not self.globals
        key = id(f.node)
        if key not in self._entries:
            self._entries[key] = _split_at_yield(f.node)
        parts = self._entries[key]
        if parts is None:
            return None
        before, value, after = parts
        args, kwargs = self.call_args(call, frame)
        switch = project_hooks.enter(self, f, call, args, kwargs) if foreign else None
        try:
            inner = Frame(parent=f.closure or self.globals, func=f)
            self._bind_params(f.node, f, args, kwargs, inner)
            self.funcs.append(f)
            try:
                self.exec_block(before, inner)
                got = self.eval(value, inner) if value is not None else Const(None)
            finally:
                self.funcs.pop()
        finally:
            if switch is not None:
                project_hooks.leave(self, switch)
        return got, (f, inner, after, (call, args, kwargs) if switch is not None else None)

    def exit_generator(self, entered):
        f, inner, after, foreign = entered
        # (the code after the yield of another module's generator: entered again from the
        # with statement, so that a write there to what the block saved is this file's hazard)
        switch = project_hooks.enter(self, f, *foreign) if foreign is not None else None
        self.funcs.append(f)
        try:
            self.exec_block(after, inner)
        finally:
            self.funcs.pop()
            if switch is not None:
                project_hooks.leave(self, switch)

    def enter_context(self, v, at):
        """``with Frozen(model) as m:``: an object of the code's own class runs its
        ``__enter__``, whose result the ``as`` name gets; None for anything else."""
        if isinstance(v, Obj) and v.cls is not None:
            m, owner = v.cls.lookup("__enter__")
            if m is not None:
                return self.call_function(Func(m, owner=owner, bound=v), [], {}, at)
        return None

    def exit_context(self, v, at):
        m, owner = v.cls.lookup("__exit__")
        if m is not None:
            self.call_function(Func(m, owner=owner, bound=v), [Const(None)] * 3, {}, at)


def _split_at_yield(fnode):
    """(statements before its one ``yield``, the yielded expression, statements after it) of a
    generator function whose yield is a statement at the top of its body or of a ``try``
    there (then what follows includes the ``finally``); None when it sits elsewhere."""
    def split(stmts):
        for i, st in enumerate(stmts):
            if type(st) is cst.SimpleStatementLine and len(st.body) == 1 and type(st.body[0]) is cst.Expr \
                    and type(st.body[0].value) is cst.Yield:
                value = st.body[0].value.value
                return list(stmts[:i]), value if isinstance(value, cst.BaseExpression) else None, list(stmts[i + 1:])
            if type(st) is cst.Try and not st.handlers and st.orelse is None:
                inner = split(st.body.body)
                if inner is not None:
                    final = list(st.finalbody.body.body) if st.finalbody is not None else []
                    return list(stmts[:i]) + inner[0], inner[1], inner[2] + final + list(stmts[i + 1:])
        return None
    return split(fnode.body.body) if type(fnode.body) is cst.IndentedBlock else None


def _small(fnode, limit=12):
    """A registry's decorator: a few statements and no loop (``REGISTRY[name] = fn; return fn``).
    A framework's registration that inspects modules and loops over their names is not worth
    interpreting on every function it decorates."""
    count = 0
    todo = list(fnode.body.body) if type(fnode.body) is cst.IndentedBlock else []
    while todo:
        st = todo.pop()
        count += 1
        if count > limit or isinstance(st, (cst.For, cst.While)):
            return False
        if type(st) is cst.FunctionDef:
            continue  # the decorator a factory returns: judged when it is called
        body = getattr(st, "body", None)
        if type(body) is cst.IndentedBlock:
            todo.extend(body.body)
        for part in (getattr(st, "orelse", None), getattr(st, "finalbody", None)):
            if part is not None and isinstance(getattr(part, "body", None), cst.IndentedBlock):
                todo.extend(part.body.body)
        for h in getattr(st, "handlers", ()) or ():
            todo.extend(h.body.body)
    return True
