"""Every function and method analysed on its own.

After the module body runs, each function is interpreted once more with
arguments no caller supplied: what its annotations and defaults allow (a method
gets a "standalone instance" of its class, built with such arguments).  Private
helpers go last and take the grad mode and argument facts of every call the
file made into them.  Mixed into ``Interpreter``, whose state it uses.
"""
from __future__ import annotations

import os

import re

import libcst as cst

from . import constructions
from . import guards
from . import params as param_kinds
from .inert import called_on_self
from .frames import all_params, decorator_name, dotted, is_main_guard
from .heap import Journal
from .project import hooks as project_hooks
from .state import State
from .autocast import MAYBE
from .budget import TWO_PASS_LOOP_DEPTH
from .torch_semantics import NO_GRAD_CTX
from .values import ClassInfo, Const, Func, Qual

AUTOCAST_IN_TEXT = re.compile(r"\bautocast\(")  # (a call, not "under autocast (the ..." in prose)
# the public methods torch.optim.Optimizer offers its users (see callers_seen)
OPTIMIZER_API = frozenset({"step", "zero_grad", "add_param_group", "state_dict", "load_state_dict"})
# what nn.Module's users call by convention, or torch calls for them (see callers_seen)
MODULE_API = frozenset({"forward", "extra_repr", "reset_parameters", "train", "eval", "state_dict",
                        "load_state_dict", "to", "cuda", "cpu", "apply", "parameters", "modules"})


class Standalone:
    def _all_functions(self, body, owner=None):
        for stmt in body:
            if type(stmt) is cst.FunctionDef:
                yield stmt, owner
            elif type(stmt) is cst.ClassDef:
                info = self.globals.lookup(stmt.name.value) if owner is None else None
                if not isinstance(info, ClassInfo) or info.node is not stmt:
                    info = None
                for s in stmt.body.body:
                    if type(s) is cst.FunctionDef:
                        yield s, info
                if info is not None:
                    for s in self._template_methods(info):
                        yield s, info

    def _template_methods(self, info):
        """Methods ``info`` inherits from a base class (of this file or the project) that call a method it
        overrides (``forward`` calling ``self.post``): analysed again on an instance of the
        subclass, since neither class's own methods show the two halves together."""
        own = set(info.methods)
        seen, out, todo = set(own), [], [b for b in info.bases if isinstance(b, ClassInfo)]
        for _ in range(4):
            nxt = []
            for b in todo:
                for s in b.node.body.body:
                    if type(s) is cst.FunctionDef and s.name.value not in seen:
                        seen.add(s.name.value)
                        hooks = self._self_calls(s)
                        if hooks is not None and own & hooks:
                            out.append(s)
                nxt += [bb for bb in b.bases if isinstance(bb, ClassInfo)]
            todo = nxt
        return out

    def _self_calls(self, fnode):
        """The names ``fnode`` calls as ``self.name(...)`` (None when it calls ``super()``),
        worked out once per method however many subclasses inherit it."""
        key = id(fnode)
        if key not in self._self_call_names:
            self._self_call_names[key] = called_on_self(fnode)
        return self._self_call_names[key]

    def _analyse_standalone(self, node, owner):
        self.state = State()
        self.written = []
        self.save_log = []
        grad = self._decorated_grad(node, owner)
        calls = self._call_grads.get(id(node))
        still, flags = frozenset(), {}
        seen_all = self.callers_seen(node, owner)
        # a public method of a module takes only its callers' grad mode, when it is off at every
        # call (see callers_seen); a private helper or an optimizer's method their facts too
        facts = seen_all and not (owner is not None and owner.kind == "module" and not private(node))
        if grad is None and seen_all and calls:
            if all(c[0] is False for c in calls):
                grad = False
            elif facts:
                # a parameter that gets a tensor that cannot require grad at every call
                # (or the call runs with grad off): no grad through it here either
                live = [c for c in calls if c[0] is not False]
                still = frozenset.intersection(*(c[1] for c in live))
                # a flag at every call: where it is true, the parameters it covers at
                # every call cannot require grad
                flags = {n: frozenset.intersection(*(c[2][n] for c in live))
                         for n in live[0][2] if all(n in c[2] for c in live)}
        # the closed world of the program the file belongs to (a script, an application's scripts)
        world = constructions.program_world(self)
        if grad is None and world is not None and not (owner is not None and node.name.value.startswith("__")) \
                and world.grad_off(node):
            grad = False  # a function or method that the program only ever calls with grad off
        # a parameter given the same constant at every call (``_grads(clip_at_end=True)``)
        fixed = {}
        if facts and calls:
            fixed = {n: v for n, v in calls[0][3].items() if all(c[3].get(n) == v for c in calls[1:])}
        if (still or flags or fixed) and not self._only_called(node.name.value):
            still, flags, fixed = frozenset(), {}, {}  # also passed around (a callback): other callers unseen
        if owner is not None and node.name.value == "__init__":
            # a constructor runs on its own with what every construction the program makes passes,
            # as the instance its class's other methods run on (see _standalone_instance)
            known = constructions.bound_arguments(self, owner)
            if known:
                fixed = {**fixed, **{n: (None, v) for n, v in known.items()}}
        flags = {n: c for n, c in flags.items() if n not in fixed}
        entry = owner is None and not calls and self._entry(node)
        if entry:
            fixed = {p.name.value: (None, self.eval(p.default, self.globals)) for p in all_params(node)}
        func = Func(node, owner=owner, grad=grad)
        args = []
        params = node.params
        plist = list(params.posonly_params) + list(params.params)
        is_static = any(decorator_name(d) == "staticmethod" for d in node.decorators)
        if owner is not None and plist and not is_static:
            if any(decorator_name(d) == "classmethod" for d in node.decorators):
                args.append(owner)
            else:
                args.append(self._standalone_instance(owner))
            plist = plist[1:]
        for p in plist:
            args.append(self._standalone_param(p, still, fixed))
        # keyword-only parameters too: their defaults are one caller's choice, not every caller's
        kwargs = {p.name.value: self._standalone_param(p, still, fixed) for p in params.kwonly_params}
        if flags:
            named = dict(zip([p.name.value for p in plist], args[len(args) - len(plist):]))
            named.update(kwargs)
            for n, covered in flags.items():
                flag = guards.param_flag(self, {c: named[c] for c in covered if c in named and c != n})
                if n in kwargs:
                    kwargs[n] = flag
                elif n in named:
                    args[len(args) - len(plist) + list(named).index(n)] = flag
        self.chain = ()
        # What this method leaves in the instance's attributes is joined with what
        # was there: another method may run before or after it, or not at all
        # (a dict on one method's path and a Parameter on another stay apart).
        j = self.heap.begin()
        # a module-level function's objects are its own: nothing is joined after its own
        # journal but what the file's classes' stand-in instances hold (see _for)
        self.exact_depth = 1 if owner is None else 0
        amp, cast = self.amp, self.cast
        region = world.autocast(node) if world is not None and self.cast is None else None
        if region is not None:
            # every call the program makes runs inside an autocast region (a block of a model
            # trained in bf16, its trainer's ``with torch.autocast(...)`` in another file)
            self.amp, self.cast = self.amp + 1, region
        elif owner is not None and owner.kind == "module" and self._autocasts():
            # the file autocasts: its modules may run inside that region
            self.amp, self.cast = self.amp + 1, self.cast or MAYBE
        try:
            self.call_function(func, args, kwargs, node, frame_parent=self.globals, standalone=True)
        finally:
            self.amp, self.cast = amp, cast
            self.exact_depth = 0
            self.heap.end(j)
            if node.name.value != "__init__":  # the instance already holds what __init__ makes
                self.heap.merge([(j, ()), (Journal(), ())])

    def _autocasts(self):
        """Whether the file's text calls autocast(...): searched once per file (searching a
        large model file again for each of its methods was 6% of timm's scan)."""
        if self._autocast_in_text is None:
            self._autocast_in_text = bool(self.source and AUTOCAST_IN_TEXT.search(self.source))
        return self._autocast_in_text

    def _standalone_param(self, p, still, fixed):
        got = fixed.get(p.name.value)
        if got is not None:
            return got[1] if got[0] is None else Const(got[1])
        return param_kinds.no_grad_if(self._unknown_param(p), p, still)

    def _entry(self, fnode):
        """A module-level function the project never names but in its def, undecorated, whose
        parameters all have defaults (``def run(first_order=False)``): an entry point, run
        with its defaults, as a script's ``main()`` is."""
        ps = all_params(fnode)
        if not ps or fnode.decorators or not all(p.default is not None for p in ps) or \
                type(fnode.params.star_arg) is cst.Param or fnode.params.star_kwarg is not None:
            return False
        name = fnode.name.value
        m = self._file_mentions()
        if m.defined[name] != 1 or m.names[name] != 1 and m.in_code(name) != 1 and not (
                m.names[name] == 2 and name in self._run_as_main()):
            return False
        return self.is_script()

    def _run_as_main(self):
        """The functions the file calls with no arguments under ``if __name__ == "__main__":``
        (``main()``): the script's entry points, run with their defaults.  Read once per file."""
        names = getattr(self, "_main_calls", None)
        if names is not None:
            return names
        names = self._main_calls = set()
        for stmt in self.module.body:
            if is_main_guard(stmt):
                for line in stmt.body.body:
                    if type(line) is not cst.SimpleStatementLine:
                        continue  # (a loop, a with block: not a plain call of the entry point)
                    for e in line.body:
                        if type(e) is cst.Expr and type(e.value) is cst.Call and not e.value.args \
                                and type(e.value.func) is cst.Name:
                            names.add(e.value.func.value)
        return names

    def is_script(self):
        """A file checked on its own, or in a project a script beside the packages (a
        package's module may be imported and its functions called with other arguments)."""
        path = self.home_path
        return self.project is None or path is not None and \
            not os.path.exists(os.path.join(os.path.dirname(os.path.abspath(path)), "__init__.py"))

    def _only_called(self, name):
        """Whether the file names ``name`` only to call it (``_fast(a, b)``,
        ``self._fast(a)``) and to define it: then its callers are the calls seen."""
        m = self._file_mentions()
        return m.names[name] <= m.called[name] + m.defined[name]

    def _file_mentions(self):
        if self._mentions is None:
            self._mentions = param_kinds.Mentions(self.source if self.source is not None else self.module.code)
        return self._mentions

    def callers_seen(self, fnode, owner):
        """Whether the calls this file makes into ``fnode`` stand for all of its calls, so
        that its own analysis takes their grad mode and argument facts (recorded in
        calls.py): a private helper, which other modules do not call; or a public method
        of an optimizer class that the file names only in ``self.name(...)`` calls.
        torch's convention is that an optimizer's work is done by ``step()`` (run with
        grad off), and its other methods (``init_group``, ``update``) are the parts of
        that step: nothing outside calls them on tensors that require grad.  A method
        of any other class, or one the file also calls on another object, passes
        around or names in a string, may be called from outside with grad on, and
        keeps its grad mode unknown; so do the methods torch's Optimizer itself offers
        to its users.  A public method of an nn.Module named so too (``self.get_pos_mask(...)``
        only) is a step of the module's own work as well, but a user may still call it
        from another file: it takes its callers' grad mode only where every call seen runs
        with grad off (reached only from a ``@torch.no_grad()`` forward), and none of
        their argument facts.  (A bare name outside the class body is no reference to a
        method: ``update = p.clone()`` in a method is a local.)"""
        if private(fnode):
            return True
        name = fnode.name.value
        if owner is None or owner.kind not in ("optimizer", "module") or name.startswith("__") \
                or name in (OPTIMIZER_API if owner.kind == "optimizer" else MODULE_API):
            return False
        key = (id(fnode), id(owner))
        if key not in self._seen_memo:
            self._seen_memo[key] = self._only_self_called(name, owner)
        return self._seen_memo[key]

    def _only_self_called(self, name, owner):
        m = self._file_mentions()
        if not 0 < m.self_called[name] == m.attributes[name] or m.quoted[name]:
            return False
        # ``apply = update`` in the class body would make it callable under another name
        word = re.compile(r"\b%s\b" % re.escape(name))
        cls, depth = owner, 0
        while isinstance(cls, ClassInfo) and depth < 5:
            if any(type(s) is not cst.FunctionDef and not _docstring(s) and
                   word.search(self.module.code_for_node(s)) for s in cls.node.body.body):
                return False
            cls, depth = next((b for b in cls.bases if isinstance(b, ClassInfo)), None), depth + 1
        return True

    def _standalone_instance(self, info: ClassInfo):
        inst = self._standalone_instances.get(id(info))
        if inst is None:
            saved_state, saved_chain = self.state, self.chain
            self.state = State()
            # (with the arguments of every construction the program makes, where they are known)
            inst = self.instantiate(info, None, opaque_args=True, bound=constructions.bound_arguments(self, info))
            self.state, self.chain = saved_state, saved_chain
            self._standalone_instances[id(info)] = inst
        return inst

    def decorator_grad(self, node):
        """The grad mode a decorator gives ``node`` (``@torch.no_grad()``), or None."""
        g = project_hooks.globals_of(self, node) if self.project is not None and node.decorators else None
        for d in node.decorators:
            name = self._resolve_dotted(decorator_name(d), g)
            if name in NO_GRAD_CTX:
                return NO_GRAD_CTX[name]
            if name.rsplit(".", 1)[-1] == "_use_grad_for_differentiable":
                return False  # torch's own optimizers' step (grad off unless differentiable=True)
            bare = decorator_name(d)
            if "." not in bare and self._grad_off_factory(
                    d, (g.lookup(bare) if g is not None else None) or self.globals.lookup(bare), g):
                return False
        return None

    def _grad_off_factory(self, dec, v, g):
        """A decorator of the code's own that wraps the function in a grad-off context manager:
        yolov5's ``@smart_inference_mode()``, whose ``decorate(fn)`` returns
        ``(torch.inference_mode if torch_1_9 else torch.no_grad)()(fn)``; or ``@no_grad_fn``
        returning ``torch.no_grad()(fn)`` itself."""
        if isinstance(v, Qual) and self.project is not None:
            v = project_hooks.resolve_value(self, v)  # (imported from another module of the project)
        if not isinstance(v, Func) or type(v.node) is not cst.FunctionDef:
            return False
        g = project_hooks.globals_of(self, v.node) if self.project is not None else g
        returned = [(v.node, e) for e in _returns(v.node)]  # (the def that returns it, what it returns)
        if type(dec.decorator) is cst.Call:  # a factory: it returns the decorator, a nested def
            nested = _nested_defs(v.node)
            inner = [nested.get(r.value) for _, r in returned if type(r) is cst.Name]
            if not inner or None in inner:
                return False
            returned = [(f, e) for f in inner for e in _returns(f)]
        return bool(returned) and all(self._grad_off_wrap(e, g) or self._grad_off_wrapper(f, e, g)
                                      for f, e in returned)

    def _grad_off_wrapper(self, fnode, expr, g):
        """``return wrapper``, a def of ``fnode`` that runs the function inside a grad-off
        context and does nothing else: ``with torch.no_grad(): return fn(*args, **kwargs)``."""
        w = _nested_defs(fnode).get(expr.value) if type(expr) is cst.Name else None
        if w is None or type(w.body) is not cst.IndentedBlock:
            return False
        body = [s for s in w.body.body if not _docstring(s)]
        if len(body) != 1 or type(body[0]) is not cst.With:
            return False
        items = [i.item.func if type(i.item) is cst.Call else i.item for i in body[0].items]
        return all(NO_GRAD_CTX.get(self._resolve_dotted(dotted(i), g)) is False for i in items)

    def _grad_off_wrap(self, expr, g):
        # ``X()(fn)`` with X a grad-off context manager, or either of two
        if type(expr) is not cst.Call or type(expr.func) is not cst.Call or expr.func.args:
            return False
        makers = expr.func.func
        options = [makers.body, makers.orelse] if type(makers) is cst.IfExp else [makers]
        return all(NO_GRAD_CTX.get(self._resolve_dotted(dotted(o), g)) is False for o in options)

    def _decorated_grad(self, node, owner, bound=False):
        grad = self.decorator_grad(node)
        if grad is not None:
            return grad
        if owner is not None:
            # An optimizer's step is analysed on its own as the steps of torch's optimizers
            # run, with grad off: its parameters and their state are unknown there, and a
            # grad mode it does not set would make every update "may save".  (Called from
            # the code seen on an instance (``bound``), it runs as its decorators say.)
            # autograd.Function.forward/backward run with grad disabled.
            if owner.kind == "optimizer" and node.name.value == "step" and not bound:
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


def _nested_defs(fnode):
    return {s.name.value: s for s in fnode.body.body if type(s) is cst.FunctionDef} \
        if type(fnode.body) is cst.IndentedBlock else {}


# declarations and calls that let a function's locals be read under other names
_LOCALS_ESCAPE = ("global", "nonlocal", "locals")


def bind_name(interp, frame, value):
    """Tensor ``value`` was bound to a name in ``frame``: it counts as used at the end of
    run() unless what reads it decides otherwise; or, bound to a local that may die unread,
    only if a name is evaluated to it again (named_after_all) or a nested scope made in the
    call may do so later."""
    key = dies_unread(interp, frame)
    if key is None:
        interp.named.append(value)
    else:  # (by its version counter: a copy made where paths join shares it)
        interp.unnamed.setdefault(id(value.storage), []).append((value, key))


def named_after_all(interp, value):
    """A name was evaluated to ``value``: the locals that might have died unread and share
    its version counter, or a member's (the same tensor, or its copy made where paths
    join, or a view of it), are named as any other, whatever the expression does with
    them (returns them in a dict, passes them to a constructor)."""
    for t in value.members or (value,):
        for kept, _ in interp.unnamed.pop(id(t.storage), ()):
            interp.named.append(kept)


def dies_unread(interp, frame):
    """For a tensor bound to a name in ``frame``: the key of the function whose local
    dies unread when the call returns (nothing reaches it after that, so it is not taken
    as used at the end of run()), or None.  A plain local of a function, bound outside
    any loop of its own run in one pass (a loop of its callers calls it again with new
    locals; a later pass of the loop may read what this one bound; where
    the loop runs twice, the second pass reads what the first bound, and what the second
    bound is read after the loop or not at all), in a file without global or nonlocal
    declarations or ``locals()``; names of the module and of class bodies may be read by
    code not seen here.  A nested def, class or lambda made in the call may read it later
    (scope_opened): then it counts as named after all."""
    func = frame.func
    if func is None or interp.loop_depth > max(frame.loop_at_entry, TWO_PASS_LOOP_DEPTH) \
            or not isinstance(getattr(func, "node", None), cst.FunctionDef):
        return None
    m = interp._file_mentions()
    if any(m.names[w] for w in _LOCALS_ESCAPE):
        return None
    return id(func.node)


def scope_opened(interp, frame):
    """A nested def, class or lambda is made in ``frame`` (which is returned: its closure):
    the locals of its function may be read by it after the call (see dies_unread)."""
    f = frame
    while f is not None and f.func is None:
        f = f.parent
    if f is not None and isinstance(getattr(f.func, "node", None), cst.FunctionDef):
        interp.escaping.add(id(f.func.node))
    return frame


def private(fnode):
    name = fnode.name.value
    return name.startswith("_") and not name.startswith("__")


def _docstring(stmt):
    return type(stmt) is cst.SimpleStatementLine and len(stmt.body) == 1 and \
        type(stmt.body[0]) is cst.Expr and \
        isinstance(stmt.body[0].value, (cst.SimpleString, cst.ConcatenatedString))


def _returns(fdef):
    """The expressions a function returns at its top level."""
    body = fdef.body.body if type(fdef.body) is cst.IndentedBlock else ()
    return [small.value for stmt in body if type(stmt) is cst.SimpleStatementLine
            for small in stmt.body if type(small) is cst.Return and small.value is not None]
