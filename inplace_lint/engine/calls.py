"""Calls: binding arguments, interpreting the file's (and the project's) own
functions with the caller's values, builtins, and recording in-place writes
(``mutate``) and saves.  A mixin of the ``Interpreter``.
"""
from __future__ import annotations

import libcst as cst

from . import constructions
from . import guards
from . import params as param_kinds
from .int_uses import as_integer, integer_params
from .call_facts import name_pattern
from .inert import returns_nothing
from .frames import (DEEP_INIT_SHARE, MAX_DEPTH, MAX_INIT_DEPTH, Frame, RawEvent, Snapshot, decorator_name, dotted,
                     is_init, nonempty)
from .project import hooks as project_hooks
from .memoized import cache_key, memoized
from .pyobjects import A_SLICE, DICT_ENTRIES, dict_of_pairs
from .epochs import union_all
from .state import State
from .values import (
    PLAIN_TYPES, UNKNOWN_CONST, Alt, AltCallable, BoundMethod, ClassInfo, Const, Dict, Func, GradFlag, Obj,
    Qual, Seq, LambdaFn, Partial, Save, Starred, SuperRef, Tensor, hidden_linked, join_all,
    join_positions, opaque, result_tensor, t_and, t_or, mro,
)
from .storage import disjoint
from .graph import link, use
from .alternatives import Alternatives


_CHECKPOINT_OPTIONS = {"use_reentrant", "preserve_rng_state", "context_fn", "determinism_check", "debug"}


class Calls(Alternatives):
    # ------------------------------------------------------------------- calls
    def _call(self, node, frame, func=None):
        """``node``, a call; ``func``: its callee when the caller evaluated it already."""
        func = self.eval(node.func, frame) if func is None else func
        args, kwargs = self.call_args(node, frame)
        return self.call(func, args, kwargs, node, frame)

    def call_args(self, node, frame):
        args, kwargs = [], {}
        for a in node.args:
            v = self.eval(a.value, frame)
            if a.keyword is not None:
                kwargs[a.keyword.value] = v
            elif a.star == "*":
                args.append(Starred(v))
            elif a.star == "**":
                if isinstance(v, Qual) and self.project is not None:
                    v = project_hooks.resolve_value(self, v)  # a config dict of another module
                for k, item in _double_star_entries(v).items():  # Model(**cfg): the entries known by name
                    kwargs.setdefault(k, item)
                if _open_entries(v):
                    # ``Block(dim, **spec)`` with ``spec`` any caller's dict: any keyword may come
                    kwargs[OPEN_KWARGS] = Const(True)
            else:
                args.append(v)
        return args, kwargs

    def call(self, func, args, kwargs, node, frame=None):
        if isinstance(func, Func):
            return self.call_function(func, args, kwargs, node)
        if isinstance(func, Qual):
            if self.project is not None:
                v = project_hooks.resolve_qual(self, func.name)
                if v is not None and not isinstance(v, Qual):
                    return self.call(v, args, kwargs, node, frame)
                func = v or func  # a re-exported torch name
            if func.name.endswith("set_grad_enabled"):
                self.grad_version += 1  # (a plain call sets grad mode for what follows)
            return self.call_qual(func.name, args, kwargs, node)
        if isinstance(func, Partial):
            return self.call(func.func, func.args + list(args), {**func.kwargs, **kwargs}, node, frame)
        if isinstance(func, LambdaFn):
            return self._call_lambda(func, args, kwargs, node)
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
            if func.distribution:
                return self._distribution([func] + list(args), kwargs)
            return opaque(self._taint([func] + list(args), kwargs))
        return opaque(self._taint(args, kwargs))

    def _call_lambda(self, func, args, kwargs, node):
        # one expression, as a one-line function: followed two levels past MAX_DEPTH too
        if self.steps > self.budget or len(self.chain) >= MAX_DEPTH + 2:
            return opaque(self._taint(args, kwargs))
        # a lambda of another project module (a registry's entry) runs with that module's
        # globals, and what it saves is placed in that module's file
        switch = project_hooks.enter(self, func, node, args, kwargs) if self.project is not None else None
        self.constructions.lambdas += 1  # (what a lambda builds, whoever calls it: see constructions.py)
        try:
            inner = Frame(parent=func.closure)
            self._bind_params(func.node, func, args, kwargs, inner)
            return self.eval(func.node.body, inner)
        finally:
            self.constructions.lambdas -= 1
            if switch is not None:
                project_hooks.leave(self, switch)

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
        if func.node.decorators and not standalone and not _entered and memoized(func.node):
            # ``@functools.lru_cache``: the same arguments give the same object back (a head
            # factory asked twice with one config builds one head, shared by both callers)
            key = cache_key(func, args, kwargs)
            if key is not None:
                if key not in self.cached_calls:
                    self.cached_calls[key] = self._call_function(func, args, kwargs, node, frame_parent)
                return self.cached_calls[key]
        return self._call_function(func, args, kwargs, node, frame_parent, standalone, _entered)

    def _call_function(self, func: Func, args, kwargs, node, frame_parent=None, standalone=False, _entered=False):
        fnode = func.node
        deep = False  # followed past MAX_DEPTH, inside constructors (see frames.MAX_INIT_DEPTH)
        if not standalone:
            if any(f.node is fnode for f in self.funcs) or self.steps > self.budget:
                return opaque(self._taint(args, kwargs))
            if func.bound is None and returns_nothing(self, func):
                return Const(None)  # nothing to find in it, nothing it gives back (engine/inert.py)
            depth = len(self.chain)
            if depth >= MAX_DEPTH:
                # methods that only hand a call on (an event's dispatch to its callbacks) do
                # not count: two levels of them at most
                depth -= min(2, sum(1 for f in self.funcs if self._dispatcher(f.node)))
            one_line = depth < MAX_DEPTH + 2 and self.single_return(fnode) is not None
            if depth >= MAX_DEPTH and not one_line:
                # only constructors, nested in constructors (the helpers they call stay
                # opaque there: following them too doubled the cost on torchvision), and a
                # level or two of one-line methods (``def attend(self, p): return self.drop(p)``,
                # a hook a subclass overrides: one statement each)
                inits = sum(map(is_init, self.chain)) + 1
                if fnode.name.value != "__init__" or depth + 1 - inits > MAX_DEPTH \
                        or inits > MAX_INIT_DEPTH or self.deep_steps > self.budget // DEEP_INIT_SHARE:
                    return opaque(self._taint(args, kwargs))
                deep = not self.in_deep
        if self.project is not None and not _entered:
            # a function of another project module runs with that module's globals
            from_home = self.env is None
            if from_home and self.foreign_steps > self.foreign_budget and not standalone:
                if project_hooks.env_differs(self, func):
                    return opaque(self._taint(args, kwargs))
            switch = project_hooks.enter(self, func, node, args, kwargs)
            if switch is not None:
                start = self.steps
                try:
                    return self.call_function(func, args, kwargs, node, None, standalone, _entered=True)
                finally:
                    project_hooks.leave(self, switch)
                    if from_home:
                        self.foreign_steps += self.steps - start
        if deep:
            start, self.in_deep = self.steps, True
            try:
                return self.call_function(func, args, kwargs, node, frame_parent, standalone, _entered=True)
            finally:
                self.in_deep = False
                self.deep_steps += self.steps - start
        frame = Frame(parent=func.closure or frame_parent or self.globals, func=func)
        frame.loop_at_entry = self.loop_depth
        self._bind_params(fnode, func, args, kwargs, frame)
        if not standalone:
            constructions.note_call(self, func, node, frame)  # (the calls a script's program makes)
        if not standalone and self.callers_seen(fnode, func.owner):
            # the grad mode of this call, and which parameters got tensors that cannot
            # require grad, for the helper's own analysis (Standalone._analyse_standalone)
            still = frozenset(n for n, v in frame.vars.items()
                              if isinstance(v, Tensor) and v.rg is False or isinstance(v, (Const, GradFlag)))
            flags = {n: guards.flag_covers(self, v, frame.vars) for n, v in frame.vars.items()
                     if isinstance(v, GradFlag)}
            # a literal True/False is a flag too: where it is True, what cannot require
            # grad at this call is covered; a False one is never true here
            everything = frozenset(frame.vars)
            flags.update({n: (still if self.state.grad is not False else everything) if v.value else everything
                          for n, v in frame.vars.items()
                          if isinstance(v, Const) and isinstance(v.value, bool)})
            consts = {n: (type(v.value), v.value) for n, v in frame.vars.items()
                      if isinstance(v, Const) and v is not UNKNOWN_CONST and type(v.value) in PLAIN_TYPES}
            self._call_grads.setdefault(id(fnode), []).append((self.state.grad, still, flags, consts))
        saved_stmt = self.cur_stmt
        saved_grad = self.state.grad
        if func.grad is not None:
            self.state.grad = func.grad
            self.grad_version += 1
        self.funcs.append(func)
        saved_chain = self.chain
        if not standalone:
            self.chain = self.chain + ((fnode.name.value, node, self.cur_stmt),)
        entry_grad, switches = self.state.grad, self.grad_switches
        try:
            if self.exec_block(self._body(fnode), frame):
                frame.returns.append((Const(None), self.state.seen))
                frame.exits.append(self.state)
            if len(frame.exits) > 1:
                # the caller goes on from any of the returns: what was saved on the way
                # to an early one (``if c: return torch.tanh(x)``) is alive after the call
                joined = frame.exits[0]
                for st in frame.exits[1:]:
                    joined = State.join(joined, st)
                # (grad mode as the body left it: a return inside ``with no_grad()`` does
                # not take no_grad out of the with block)
                joined.grad, joined.hooked = self.state.grad, self.state.hooked
                self.state = joined
            if self.grad_switches == switches:
                # Nothing in the body switched grad mode for good (set_grad_enabled as a
                # plain call): the caller goes on in the mode it called in.  A mode the
                # path assumed from a test (``if not self.training:`` taken for a no_grad
                # evaluation, ``if torch.is_grad_enabled():``) says which calls take that
                # path, not what the call does to the caller's mode.
                self.state.grad = entry_grad
        finally:
            self.funcs.pop()
            self.chain = saved_chain
            self.cur_stmt = saved_stmt
            if func.grad is not None:
                self.state.grad = saved_grad
                self.grad_version += 1
        if standalone:
            for v, _ in frame.returns:
                use(v)  # nobody in this file receives it: whoever calls it may backpropagate
        for v in frame.yields:
            use(v)
        if frame.yields:
            if frame.ordered and self._straight_yields(fnode):
                # ``for token in spec.split(): yield LAYERS[token]()`` over known items
                return Seq(items=list(frame.yields), nonempty=True)
            return Seq(elem=join_all(frame.yields))
        if not frame.returns:
            return Const(None)
        if len(frame.returns) == 1:
            return frame.returns[0][0]
        # A value returned on one path does not see saves made only on another.
        every = union_all(seen for _, seen in frame.returns)
        parts = [hidden_linked(v, every - seen) for v, seen in frame.returns]
        # tuples of one length on every path join item by item: ``a, b = f()`` binds ``b`` to
        # what each path returned second, never to a first item (an early ``return zeros, ones``)
        out = join_positions(parts, levels=1)
        if isinstance(out, Tensor) and not out.members and out.srcs is None:
            # one tensor returned on every path (a helper handing back its argument,
            # written on one path): what uses the result uses each return
            out.srcs = [p for p in parts if isinstance(p, Tensor)][:16]
        return out

    def _bind_params(self, fnode, func, args, kwargs, frame):
        params = fnode.params
        plist = list(params.posonly_params) + list(params.params)
        args = list(args)
        flat = []
        for a in args:
            if isinstance(a, Starred):
                if isinstance(a.value, Seq) and a.value.items is not None:
                    flat.extend(a.value.items)  # ``train(*build())``: the tuple's items, in order
                else:
                    flat.append(self.iterate(a.value))
            else:
                flat.append(a)
        if func.bound is not None:
            flat.insert(0, func.bound)
        open_kwargs = kwargs.get(OPEN_KWARGS) is not None
        for i, p in enumerate(plist):
            name = p.name.value
            if i < len(flat):
                v = param_kinds.narrow(self, p, flat[i])
            elif name in kwargs:
                v = param_kinds.narrow(self, p, kwargs[name])
            elif p.default is not None and not open_kwargs:
                v = self.eval(p.default, self.globals)
            else:
                v = self._unknown_param(p)
            frame.vars[name] = v
        for p in params.kwonly_params:
            name = p.name.value
            if name in kwargs:
                frame.vars[name] = param_kinds.narrow(self, p, kwargs[name])
            elif p.default is not None and not open_kwargs:
                frame.vars[name] = self.eval(p.default, self.globals)
            else:
                frame.vars[name] = self._unknown_param(p)
        for name in param_kinds.sequence_params(self, fnode):
            v = frame.vars.get(name)
            if isinstance(v, Tensor):  # a path that cannot get past its torch.cat: the list it needs
                frame.vars[name] = Seq(elem=opaque(v.rg))
        # (the function's text is read only when some parameter holds a tensor of unknown dtype:
        # nothing below changes any other value, and half of the functions never get one)
        if any(type(v) is Tensor and v.dtype is None for v in frame.vars.values()):
            for name in integer_params(self, fnode):
                v = frame.vars.get(name)
                if isinstance(v, Tensor) and v.dtype is None:  # used as an index: a float tensor raises
                    frame.vars[name] = as_integer(v)
        if type(params.star_arg) is cst.Param:
            rest = flat[len(plist):]
            frame.vars[params.star_arg.name.value] = Seq(items=rest, is_tuple=True)
        if params.star_kwarg is not None:
            rest = Dict({k: v for k, v in kwargs.items() if k not in {p.name.value for p in plist} and k != OPEN_KWARGS})
            if open_kwargs:
                rest.entries["?"] = opaque()  # and whatever else the caller's dict held
            frame.vars[params.star_kwarg.name.value] = rest

    def _per_function(self, table, fnode, compute):
        """``compute(fnode)``, once per function of this analysis (these are asked at every call)."""
        memo = self.__dict__.setdefault(table, {})
        key = id(fnode)
        if key not in memo:
            memo[key] = compute(fnode)
        return memo[key]

    def _dispatcher(self, fnode):
        return self._per_function("_dispatchers", fnode, guards.dispatcher)

    def single_return(self, fnode):
        return self._per_function("_single_returns", fnode, guards.single_return)

    def _straight_yields(self, fnode):
        """Every ``yield`` of the generator runs whenever the code around it does: none
        inside an ``if``, ``while``, ``try`` or ``with`` (a ``for`` is checked as it runs)."""
        return self._per_function("_straight", fnode, _no_branched_yield)

    def _unknown_param(self, p: cst.Param):
        return param_kinds.unknown_param(self, p)

    def checkpoint(self, args, kwargs, node):
        """``torch.utils.checkpoint.checkpoint(fn, *args)``: ``fn`` runs, but what it saves is
        recomputed during backward, so writing its output in place is fine; only its tensor
        arguments are kept for backward (and checked: writing one of them afterwards raises)."""
        if not args:
            return opaque()
        fn, rest = args[0], list(args[1:])
        kw = {k: v for k, v in kwargs.items() if k not in _CHECKPOINT_OPTIONS}
        outer, self.recomputed = self.recomputed, []
        try:
            out = self.call(fn, rest, kw, node)
        finally:
            made, self.recomputed = self.recomputed, outer
        for storage, save in made:
            if save in storage.saves:
                storage.saves.remove(save)
            if save in self.save_log:
                self.save_log.remove(save)
        for a in rest:
            if isinstance(a, Tensor):
                self._save(a, "checkpoint", "input", node, True, out=out if isinstance(out, Tensor) else None)
        return out

    # classes and modules -----------------------------------------------------
    def init_dict_subclass(self, obj, info, args, kwargs, opaque_args=False):
        """``Config(loss="supcon")`` of ``class Config(dict)`` without an ``__init__`` of its own
        (an attribute dict): it keeps the entries it was built with.  False for other classes."""
        if not any(isinstance(b, Qual) and b.name == "builtins.dict" for b in mro(info)):
            return False
        entries = dict(args[0].entries) if args and isinstance(args[0], Dict) else {}
        obj.attrs[DICT_ENTRIES] = Dict({**entries, **({} if opaque_args else kwargs)})
        return True

    def init_dataclass(self, obj, info, args, kwargs, opaque_args=False):
        """The ``__init__`` that ``@dataclass`` writes: each annotated field, in order,
        from the arguments or its default (``LSTMState(h, c)`` holds ``h`` and ``c``)."""
        if not any(decorator_name(d).split(".")[-1] == "dataclass" for d in info.node.decorators):
            return
        fields = [s for line in info.node.body.body if type(line) is cst.SimpleStatementLine
                  for s in line.body if type(s) is cst.AnnAssign and type(s.target) is cst.Name
                  and not _class_var(s.annotation.annotation)]
        if any(isinstance(a, Starred) for a in args):
            return
        for i, f in enumerate(fields):
            name = f.target.value
            if opaque_args:
                v = opaque()
            elif i < len(args):
                v = args[i]
            elif name in kwargs:
                v = kwargs[name]
            elif f.value is not None:
                v = self._field_default(f.value)
            else:
                continue
            use(v)
            self.heap.set(obj, name, v)

    def _field_default(self, node):
        """A field's default: ``field(default_factory=lambda: ("fc1", "fc2"))`` is what the
        factory returns, ``field(default=0.1)`` its default."""
        if type(node) is cst.Call and dotted(node.func).split(".")[-1] == "field":
            for a in node.args:
                if a.keyword is not None and a.keyword.value == "default":
                    return self.eval(a.value, self.globals)
                if a.keyword is not None and a.keyword.value == "default_factory":
                    return self.call(self.eval(a.value, self.globals), [], {}, node)
        return self.eval(node, self.globals)

    def _hasattr(self, obj, name):
        """``hasattr(obj, name)``: True where the class of an object of the project defines it
        (a method or a class attribute of its class or bases: spikingjelly's ``reset_net``
        resets each neuron that defines ``reset``); unknown otherwise (an instance attribute
        may be set on some paths only: ``if not hasattr(self, "buf")`` guards a lazy one)."""
        if isinstance(obj, Alt):
            got = [self._hasattr(o, name) for o in obj.options]
            return got[0] if all(g is got[0] for g in got) else UNKNOWN_CONST
        if isinstance(obj, Obj) and obj.cls is not None and (
                obj.cls.lookup(name)[0] is not None or obj.cls.class_attr(name) is not None):
            return TRUE
        return UNKNOWN_CONST

    def _builtin(self, name, args, kwargs, node):
        known = [_known_items(a) for a in args]
        if name == "zip" and args and None not in known:
            # zip of lists whose members are known: the tuples, in order (a loop over
            # ``zip(dims, dims[1:])`` of constants builds its layers one by one)
            return Seq(items=[Seq(items=[k[i] for k in known], is_tuple=True) for i in range(min(map(len, known)))])
        if name == "enumerate" and len(args) == 1 and known[0] is not None:
            return Seq(items=[Seq(items=[Const(i), v], is_tuple=True) for i, v in enumerate(known[0])])
        if name in ("zip",):
            return Seq(elem=Seq(items=[self.iterate(a.value if isinstance(a, Starred) else a) for a in args],
                                is_tuple=True), nonempty=bool(args) and all(nonempty(a) for a in args))
        if name == "enumerate":
            return Seq(elem=Seq(items=[Const(0), self.iterate(args[0]) if args else opaque()], is_tuple=True),
                       nonempty=bool(args) and nonempty(args[0]))
        if name in ("list", "tuple", "sorted", "reversed", "iter", "set", "frozenset"):
            if not args:
                return Seq(items=[])
            a = args[0]
            if isinstance(a, Seq):
                return Seq(items=a.items, elem=a.elem, is_tuple=name == "tuple")
            return Seq(elem=self.iterate(a), is_tuple=name == "tuple")
        if name == "len" and len(args) == 1 and known[0] is not None:
            return Const(len(known[0]))
        if name == "next":
            return self.iterate(args[0]) if args else opaque()
        if name == "slice":
            return Const(A_SLICE)  # an index that makes a view (``table[sl]`` with ``sl = slice(a, b)``)
        if name == "range":
            bounds = [a.value if isinstance(a, Const) and type(a.value) is int else None for a in args]
            if bounds and None not in bounds:
                # nonempty: 2 for "at least two" (a comprehension of layers makes a deep stack)
                return Seq(elem=UNKNOWN_CONST, nonempty=min(len(range(*bounds[:3])), 2) if len(bounds) <= 3 else False)
            return Seq(elem=UNKNOWN_CONST)
        if name in ("sum", "max", "min"):
            vals = [self.iterate(args[0])] if len(args) == 1 else args
            tensors = [v for v in vals if isinstance(v, Tensor)]
            if not tensors:
                return UNKNOWN_CONST
            if all(t.kind in ("arg", "opaque") for t in tensors):
                return opaque(self._out_rg(tensors))  # maybe plain numbers
            out = result_tensor(self._out_rg(tensors))
            link(out, tensors)  # sum(losses).backward() reaches each loss
            return out
        if name == "callable" and len(args) == 1:
            return _callable(args[0])
        if name == "globals" and not args:
            # ``globals()[name](value)``: a registry of the module's own functions by name
            return Dict(self.own_definitions())
        if name == "hasattr" and len(args) == 2 and isinstance(args[1], Const) and isinstance(args[1].value, str):
            return self._hasattr(args[0], args[1].value)
        if name == "getattr" and len(args) >= 2 and isinstance(args[1], Const) and isinstance(args[1].value, str):
            return self.getattr(args[0], args[1].value)
        if name == "getattr" and len(args) >= 2 and type(node) is cst.Call and len(node.args) >= 2:
            # getattr(rnn, f"bias_hh_l{i}"): any known attribute the name can spell
            v = self.getattr_matching(args[0], name_pattern(node.args[1].value))
            if v is not None:
                return join_all([v] + args[2:3])
        if name == "setattr" and len(args) == 3 and isinstance(args[0], Obj) and isinstance(args[1], Const):
            key, items = str(args[1].value), args[0].items
            use(args[2])  # stored on the object, as ``module.weight = w`` is: code not seen may read it
            if key.isdigit() and items is not None and int(key) < len(items):
                items[int(key)] = args[2]  # setattr(seq, "0", wrapped): the layer the Sequential runs
            else:
                self.heap.set(args[0], key, args[2])
            return Const(None)
        if name == "super":
            f = self._current_func()
            if f is not None and f.owner is not None:
                return SuperRef(f.owner, f.bound)
            return opaque()
        if name in ("dict",):
            if args and isinstance(args[0], Dict):
                return Dict({**args[0].entries, **kwargs})  # a copy: what the copy loses, the original keeps
            if args and isinstance(args[0], Seq):
                return Dict({**dict_of_pairs(args[0]), **kwargs})  # dict(named_modules())
            return Dict(kwargs)
        if name == "map" and len(args) >= 2:
            return Seq(elem=self.call(args[0], [self.iterate(a) for a in args[1:]], {}, node))
        if name == "filter" and len(args) == 2:
            return Seq(elem=self.iterate(args[1]))
        if name == "print":
            return Const(None)
        return UNKNOWN_CONST

    def own_definitions(self):
        """The functions and classes of the module the running code belongs to, by name."""
        f = self._current_func()
        g = project_hooks.globals_of(self, f.node) if f is not None and self.project is not None else self.globals
        return {k: v for k, v in g.vars.items() if isinstance(k, str) and isinstance(v, (Func, ClassInfo))}

    def _current_func(self):
        return self.funcs[-1] if self.funcs else None

    # methods ------------------------------------------------------------------
    def mutate(self, t: Tensor, kind, op, node, target_node, out_rg=None, related_node=None,
               related_message="", basic_index=False, certain=True, related_stmt=None, region=None):
        _untraced(t)
        live = [s for s in t.visible_saves() if self.state.live(s)]
        if kind == "data_rebind":
            # ``t.data = v`` gives t new memory: torch keeps an op's output as a new tensor of the
            # old memory, an input as t itself (SavedVariable), so only what was kept as an input reads v
            live = [s for s in live if not s.what.startswith("result")]
        region = region if region is not None else t.region
        if t.data and region is not None:
            # a write through .data changes values, not the version counter: a save of
            # another part of the tensor (x[:, :2] kept, x.data[:, 3] written) is unharmed
            live = [s for s in live if s.region is None or not disjoint(s.region, region)]
        # A save of a graph already backpropagated with retain_graph=True is a
        # hazard only if a later backward reaches it: held until one does.
        unreached = self.state.unreached
        retained = [s for s in live if s.epoch in self.state.retained or id(s) in unreached]
        if retained:
            live = [s for s in live if s.epoch not in self.state.retained and id(s) not in unreached]
        partial = self.state.partial
        if partial:
            # (after the split above: ``unreached`` knows the saves by identity, not their copies)
            fs = getattr(self, "foreign_saves", None)
            live = [_on_some_paths(s, fs) if s.certain and s.sid < partial.get(s.epoch, 0) else s for s in live]
            retained = [_on_some_paths(s, fs) if s.certain and s.sid < partial.get(s.epoch, 0) else s
                        for s in retained]
        if self.fused and not (live and t.alias_certain and any(s.certain for s in live)
                               or not live and t.rg is True and t.leaf and self.state.grad is True):
            return  # a fused _foreach_ write: reported only when certain (see TorchObjects._foreach)
        if self.env is not None and live and project_hooks.only_uncertain_elsewhere(
                self, live + retained, t.alias_certain and certain):
            # every save at stake is a "may" of the callee's own code: not worth a warning here,
            # but what the write is without them (a leaf's, with grad on) is still judged
            live, retained = [], []
        keep = self.env is None or project_hooks.keep_event(self, t, live + retained)
        if not keep:
            return
        snap = Snapshot(t)
        if not certain:
            snap.alias_certain = False
        elif t.picked and live and self.loop_earlier and self.loop_earlier[-1] and all(
                s.epoch in self.loop_earlier[-1] for s in live):
            # picked by a name computed in this pass of a loop, saved only by earlier passes,
            # whose names picked as likely another of them (``scale_{task}`` of each task)
            snap.alias_certain = False
        elif live and t.members and t.paths and not any(s in t.storage.saves for s in live) and any(
                not any(self.state.live(s) and not s.joined for s in m.visible_saves()) for m in t.members):
            # one of several values that reach here (``a if c else b``) was
            # saved, another was not: the hazard depends on the path taken (a save of
            # another join of it that a member sees counts on that join's paths only)
            snap.alias_certain = False
        elif live and t.members and any(s.certain for s in live) and not any(
                s.certain and (s in t.storage.saves or any(m.alias_certain and s in m.visible_saves()
                                                           for m in t.members)) for s in live):
            # a save that would make it certain is seen only through members that may not be the
            # tensor saved (dropout's output: its input itself, or a new tensor)
            snap.alias_certain = False
        elif live and t.paths and t.members is None and len(t.storage.members) > 1 and not t.storage.saves and any(
                not any(self.state.live(s) for s in st.all_saves()) for st in t.storage.members):
            # the same for a join too large to keep its members (values.MAX_GROUP)
            snap.alias_certain = False
        doubted = bool(self.doubt) and snap.alias_certain
        if doubted:
            snap.alias_certain = False
        # (an event dropped below as only possible, were it not for the doubt, is held until the
        # options are all followed: see _undoubt)
        if self.project is not None and project_hooks.only_uncertain_elsewhere(self, live + retained,
                                                                                snap.alias_certain or doubted):
            return
        if doubted and (keep is project_hooks.CANDIDATE or self.project is not None and
                        project_hooks.only_uncertain_elsewhere(self, live + retained, False)):
            doubted = "held"
        elif keep is project_hooks.CANDIDATE and not snap.alias_certain:
            return  # not certain here either: the callee's own check says "may"
        ev = RawEvent(kind, op, node, target_node, snap, self.state.grad, live,
                      self.chain, out_rg=out_rg, related_node=related_node,
                      related_message=related_message, basic_index=basic_index, stmt=self.cur_stmt,
                      related_stmt=related_stmt)
        ev.doubted = doubted
        self.events.append(ev)
        self.written.extend(s.out for s in live if s.out is not None)
        if self.env is not None:
            ev.env, ev.anchor, ev.caller_target = self.env, self.anchor, project_hooks.caller_expr(self, t)
            if keep is project_hooks.CANDIDATE:
                # the functions of other modules the call went through, down to the write
                n = len(self.chain) - self.anchor.depth
                ev.own_funcs = self.funcs[-n:] if n > 0 else []
                self.candidates.append(ev)
        if retained:
            self.pending.append((ev, retained))
        if self.loop_earlier and self.loop_earlier[-1]:
            earlier = self.loop_earlier[-1]
            ev.previous = frozenset(id(s) for s in live if s.epoch in earlier)

    def restores(self, t, src):
        """``p.data.copy_(backup)`` with ``backup = p.data.clone()`` taken before, and no
        backward since: the values autograd saved are back before any backward reads
        them (an EMA's weights swapped in for a look and swapped out again), so the
        ``.data`` writes to ``p`` since the backup did no harm.  Drops their events; the
        restoring write makes none."""
        if not t.data or not isinstance(src, Tensor) or src.snapshot is None:
            return False
        storage, since, runs, logged = src.snapshot
        if storage != id(t.storage) or runs != self.backward_runs:
            return False
        recent = {id(s) for s in self.save_log[logged:]}
        if recent and any(id(s) in recent for s in t.storage.all_saves()):
            # a forward saved the values written since the backup (BinaryConnect's signs):
            # putting the backup back changes what backward will read
            return False
        undone = {id(ev) for ev in self.events[since:] if ev.tensor.data and t.storage in ev.tensor.storage}
        if undone:
            self.events[:] = [ev for ev in self.events if id(ev) not in undone]
        return True

    def _save(self, t, op, what, node, certain, out=None, cast=False, own=False):
        start = len(self.save_log)
        super()._save(t, op, what, node, certain, out, cast, own)
        if self.project is not None:
            project_hooks.note_saves(self, self.save_log[start:])

    def confirm_retained(self, reach):
        """A backward runs that reaches ``reach`` (see graph.reaches; None: anything): the
        held saves it reaches become hazards of their events.  A saving op whose saved
        tensor was written since the last backward, and that this backward does not
        reach, is spared: its graph is abandoned unless something else still consumes it
        (a metric computed in place on ``sigmoid(logits)``)."""
        if self.written:
            if reach is not None:
                for out in self.written:
                    if not out.used and id(out.storage) not in reach[1]:
                        out.spared = True
            self.written = []
        still = []
        for ev, saves in self.pending:
            hit = [s for s in saves if reach is None or s.out is None or id(s.out) in reach[0]]
            ev.saves.extend(hit)
            rest = [s for s in saves if s not in hit]
            if rest:
                still.append((ev, rest))
        self.pending = still


class _BranchedYield(cst.CSTVisitor):
    found = False

    def __init__(self):
        super().__init__()
        self.depth = 0

    def _enter(self, node):
        self.depth += 1

    def _leave(self, node):
        self.depth -= 1

    visit_If = visit_While = visit_Try = visit_With = visit_Match = visit_IfExp = _enter
    leave_If = leave_While = leave_Try = leave_With = leave_Match = leave_IfExp = _leave

    def visit_Yield(self, node):
        if self.depth:
            self.found = True

    def visit_FunctionDef(self, node):
        return False  # a nested def's yields are its own

    def visit_Lambda(self, node):
        return False


def _class_var(ann):
    """``ClassVar[int]``: a class attribute, not a dataclass field."""
    head = ann.value if type(ann) is cst.Subscript else ann
    return dotted(head).rsplit(".", 1)[-1] == "ClassVar"


def _no_branched_yield(fnode):
    finder = _BranchedYield()
    fnode.body.visit(finder)
    return not finder.found


def _on_some_paths(save, foreign=None):
    """A save as seen after an ``if`` that made it on one branch only: not certain.
    ``foreign``: the interpreter's saves made in other modules' code, which the copy joins
    when the original is one of them (it is placed there and judged as made there)."""
    s = Save(save.op, save.what, save.node, False, save.hooked, save.epoch, save.stmt, save.out)
    s.region, s.sid, s.joined = save.region, save.sid, save.joined
    if foreign:
        got = foreign.get(id(save))
        if got is not None and got[0] is save:
            foreign[id(s)] = (s,) + got[1:]
    return s


def _untraced(t):
    """``t`` is written in place: what the write mixes in is linked to it (``link``), but
    where ``t`` itself came from must stay on record as unknown when it was not traced
    (an argument, an opaque result), and the base of a view changes with it."""
    if t.members:
        return
    if t.srcs is None and t.rg is not False:
        t.srcs = [opaque()]
    r = t.root()
    if r is t or t.data or r.rg is False:
        return
    if r.srcs is None:
        r.srcs = [opaque()]
    elif len(r.srcs) < 16:
        r.srcs.append(opaque())


OPEN_KWARGS = "**"  # a keyword of call_args' result: a ``**`` argument of unknown entries was passed


def _open_entries(v):
    """``**v`` may pass keywords not known by name: an unknown value, or a dict with unknown keys."""
    dicts = [v] if isinstance(v, Dict) else list(v.options) if isinstance(v, Alt) else None
    if dicts is None or not all(isinstance(d, Dict) for d in dicts):
        return not isinstance(v, Const)
    return any("?" in d.entries or d.factory is not None for d in dicts)


def _double_star_entries(v):
    """The keyword arguments ``**v`` passes: a dict's entries known by name, or, for one of
    several dicts (``dict(defaults, **group)`` over a list of param groups), the names every
    one of them has, each any of their values."""
    dicts = [v] if isinstance(v, Dict) else list(v.options) if isinstance(v, Alt) else []
    if not dicts or not all(isinstance(d, Dict) for d in dicts):
        return {}
    names = [k for k in dicts[0].entries
             if isinstance(k, str) and k != "?" and all(k in d.entries for d in dicts[1:])]
    return {k: join_all([d.entries[k] for d in dicts]) for k in names}


def _known_items(v):
    """The members, in order, of a list or tuple known exactly, or of a ModuleList or
    Sequential of known layers; None otherwise (a starred argument, an unknown length)."""
    if isinstance(v, Seq) and v.items is not None and v.tail is None:
        return v.items
    if isinstance(v, Obj) and v.is_module and v.items is not None:
        return v.items
    return None


TRUE, FALSE = Const(True), Const(False)


def _callable(v):
    """``callable(v)``: True of a function or method of the project (``getattr(m, "reset",
    None)`` where m's class defines it), of a lambda, a partial or a class; False of None, a
    number or a string; unknown otherwise."""
    if isinstance(v, (Func, LambdaFn, Partial, ClassInfo)):
        return TRUE
    if isinstance(v, Const) and v is not UNKNOWN_CONST and (v.value is None or type(v.value) in (int, float, str, bool)):
        return FALSE
    if isinstance(v, Alt):
        got = [_callable(o) for o in v.options]
        return got[0] if all(g is got[0] for g in got) else UNKNOWN_CONST
    return UNKNOWN_CONST
