"""What torch does when code calls it: ops, modules, tensor methods (the methods of
modules, optimizers and an autograd ctx are in ``objects.py``; what ops keep for backward in
``saves.py``).

The interpreter (``interpreter.py``) walks Python; this mixin gives meaning to
calls into torch.  Per-op facts (what is saved, what is a view) come from the
generated knowledge; the rest here is torch API behaviour that is not per-op
data: grad-mode context managers, ``nn.Module`` containers and parameters,
optimizers and ``zero_grad``, ``backward``.
"""
from __future__ import annotations

import libcst as cst

from .call_facts import (
    FORWARD_WRITES, RETURNS_INPUT, bind_keyword, default_certain, forward_arg, returns_input, triggered,
    value_certain)
from . import objects, registration
from .project import hooks as project_hooks
from .pyobjects import NDARRAY_ONLY_METHODS, NUMPY_CONVERTING, numpy_result, python_method, truthiness
from .containers import container_items, copy_obj, run_sequential
from .autocast import AUTOCAST_CTX, ON, autocast, cast_result, cast_save
from .dtypes import (
    SIZE_ARGUMENTS, SIZE_PARAMS, SIZED_CREATION_OPS, built_width, conversion_target, convert, dtype_class,
    layer_width, size_evidence, tuple_outputs, type_result)
from .ranks import after_inplace, rank_result
from .layout import MATRIX_SWAPS, kept_layout, swap_view
from .frames import RawEvent, SeqPrefix, Snapshot, all_params
from .saves import Saves
from .aliases import detached, keep_big_join
from .values import (
    UNKNOWN_CONST, ClassInfo, Const, Dict, Func, GradCtx, Obj, Partial, Qual, Seq, Starred, SuperRef, Tensor,
    make_group, opaque, t_and, t_or,
)
from .graph import link, mark_read, reaches, use
from .varargs import bind_varargs

# Tensor methods that end in "_" but only change autograd metadata.
HARMLESS_METHODS = {"requires_grad_", "detach_", "share_memory_", "retain_grad", "register_hook",
                    "register_post_accumulate_grad_hook"}
# Returns the tensor itself when no conversion is needed.  The linter assumes
# tensors stay on the device they were made on (the CPU by default), so
# ``.cpu()``, ``.contiguous()`` and ``.to(device)`` of a result alias it.  A
# dtype conversion to float32 (``.float()``) aliases only if the tensor already
# is float32, which mixed-precision code often makes false: a maybe.
SURE_ALIAS_METHODS = {"cpu", "contiguous"}
# Transposing views leave a tensor non-contiguous; composite ops that fold
# batch dimensions (matmul, linear: saves.FOLDING_OPS) then reshape a *copy* and save that copy.
NONCONTIG_VIEWS = {"transpose", "permute", "t", "mT", "T", "mH", "H", "swapaxes", "swapdims", "movedim",
                   "expand", "expand_as", "adjoint"}
DISTRIBUTIONS = "torch.distributions."
FACTORY_PREFIXES = ("zeros", "ones", "empty", "full", "rand", "randn", "randint", "randperm", "arange",
                    "linspace", "logspace", "eye", "tensor", "as_tensor", "from_numpy", "asarray",
                    "normal", "bernoulli", "multinomial", "poisson", "tril_indices", "triu_indices")
CREATION_OPS = {"zeros", "ones", "empty", "full", "rand", "randn", "randint", "randperm", "arange", "linspace",
                "logspace", "eye", "empty_strided", "tril_indices", "triu_indices"}
NO_GRAD_CTX = {"torch.no_grad": False, "torch.inference_mode": False, "torch.enable_grad": True,
               "torch.autograd.no_grad": False, "torch.autograd.grad_mode.no_grad": False,
               "torch.autograd.enable_grad": True, "torch.autograd.grad_mode.inference_mode": False}
HOOK_CTX = {"torch.autograd.graph.saved_tensors_hooks", "torch.autograd.graph.save_on_cpu",
            "torch.autograd.graph.disable_saved_tensors_hooks"}
MODULE_CONTAINERS = {"torch.nn.Sequential", "torch.nn.ModuleList", "torch.nn.ModuleDict",
                     "torch.nn.ParameterList", "torch.nn.ParameterDict"}
PARAM_CLASSES = {"torch.nn.Parameter", "torch.nn.parameter.Parameter"}
BUFFER_CLASSES = {"torch.nn.Buffer"}  # a tensor that becomes a buffer when assigned to a module
BACKWARD_FUNCS = {"torch.autograd.backward", "torch.autograd.grad"}
CHECKPOINT_FUNCS = {"torch.utils.checkpoint.checkpoint"}


class TorchSemantics(Saves):
    """Calls into torch.  Mixed into ``Interpreter``, whose state it uses."""

    def instantiate(self, info: ClassInfo, node, args=(), kwargs=None, opaque_args=False, bound=None):
        kwargs = kwargs or {}
        obj = Obj(cls=info, is_module=info.kind == "module", ctor_node=node, ctor_stmt=self.cur_stmt)
        if info.kind == "optimizer":
            obj.qual = "optimizer"
            if args:
                obj.params = self._param_source(args[0])
        init, owner = info.lookup("__init__")
        if init is not None:
            if opaque_args:
                # whatever some caller passes: what the annotation or the default's
                # kind allows, as for any function analysed on its own
                # (``bound``: the parameters every construction the program makes gives one known value)
                bound = bound or {}
                args = [bound[p.name.value] if p.name.value in bound else self._unknown_param(p)
                        for p in init.params.params[1:]]
                kwargs = {p.name.value: bound[p.name.value] if p.name.value in bound else self._unknown_param(p)
                          for p in init.params.kwonly_params}
            self.call_function(Func(init, owner=owner, bound=obj), args, kwargs, node or init,
                               standalone=opaque_args)
        elif info.known_base:
            self._init_known(obj, info.known_base, args, kwargs)
        elif not self.init_dict_subclass(obj, info, args, kwargs, opaque_args):
            self.init_dataclass(obj, info, args, kwargs, opaque_args)
        project_hooks.note_module(self, obj)
        return obj

    def _init_known(self, obj, qual, args, kwargs):
        spec = self.k.module(qual)
        if spec is not None:
            sig = spec.get("init_params") or []

            def arg(name):
                if name in kwargs:
                    return kwargs[name]
                if name in sig and sig.index(name) < len(args):
                    return args[sig.index(name)]
                return None

            f32 = built_width(arg("dtype"), self.widths_known) if "dtype" in sig else None
            absent = spec.get("absent_when") or {}
            for p in spec.get("params", []):
                if p not in obj.attrs and p in absent and _switched_off(absent[p], arg, spec.get("flag_defaults") or {}):
                    obj.attrs[p] = Const(None)  # ``nn.Linear(4, 4, bias=False).bias`` (measured)
                elif p not in obj.attrs:
                    obj.attrs[p] = Tensor(rg=True, leaf=True, kind="param")
                    obj.attrs[p].storage.f32 = f32  # float32 under the default dtype (dtypes.built_width)

            for name in SIZE_PARAMS.intersection(sig):
                size_evidence(arg(name))

            writes = {}
            for attr, w in (spec.get("forward_writes") or {}).items():
                cond = triggered(w.get("when", ()), arg)
                if cond is not False and (w.get("train_only") or any(arg(k) is not None for k in w.get("unless", ()))):
                    cond = None  # the module may be in eval mode / built without the write
                if cond is not False:
                    writes[attr] = (cond, w.get("when", ()))
            if writes:
                obj.attrs[FORWARD_WRITES] = Const(writes)
            if spec.get("alias_when") and returns_input(spec, {p: arg(p) for p in spec["alias_when"]}):
                obj.attrs[RETURNS_INPUT] = Const(True)  # (measured: nn.Dropout(0.0) returns its input)
            if spec.get("inplace_kw"):
                v = arg("inplace")
                obj.inplace = isinstance(v, Const) and v.value is True
                if obj.inplace and "p" in sig:
                    # dropout with p == 0 returns its input untouched
                    p = arg("p")
                    if isinstance(p, Const) and p is not UNKNOWN_CONST and p.value == 0:
                        obj.inplace = False
                    elif p is not None and (p is UNKNOWN_CONST or not isinstance(p, Const)):
                        obj.inplace = None  # some rate, maybe 0
        if qual in MODULE_CONTAINERS and obj.items is None:
            obj.items = container_items(self, qual, args, kwargs, obj)

    def construct_known(self, qual, args, kwargs, node):
        obj = Obj(qual=qual, is_module=True, ctor_node=node, ctor_stmt=self.cur_stmt)
        self._init_known(obj, qual, args, kwargs)
        project_hooks.note_module(self, obj)
        return obj

    def apply_module(self, obj: Obj, args, kwargs, node):
        if registration.hooked(obj):
            return registration.run_hooked(self, obj, args, kwargs, node, self._forward)
        return self._forward(obj, args, kwargs, node)

    def _forward(self, obj: Obj, args, kwargs, node):
        if obj.cls is not None and obj.qual != "optimizer":
            fwd, owner = obj.cls.lookup("forward" if obj.is_module else "__call__")
            if fwd is not None:
                return self.call_function(Func(fwd, owner=owner, bound=obj, grad=self._decorated_grad(fwd, owner)),
                                          args, kwargs, node)
            if obj.cls.known_base:
                return self._apply_known(obj, obj.cls.known_base, args, kwargs, node)
            return opaque(self._taint(args, kwargs))
        if obj.qual == "torch.nn.Sequential":
            return run_sequential(self, obj, args[0] if args else opaque(), node)
        if obj.qual:
            return self._apply_known(obj, obj.qual, args, kwargs, node)
        return opaque(self._taint(args, kwargs))

    def _apply_known(self, obj, qual, args, kwargs, node):
        if qual == "torch.nn.Sequential":  # a subclass's inherited forward, or super().forward
            return run_sequential(self, obj, args[0] if args else opaque(), node)
        spec = self.k.module(qual)
        x = args[0] if args else kwargs.get("input")
        if isinstance(x, Starred):
            x = opaque()
        params = obj.own_params()
        if isinstance(x, Tensor) and x.kind == "arg":
            x.kind = "input"  # a module's input is a tensor: evidence of its type
        if spec is None:
            rg = self._taint(args, kwargs)
            if params and self.state.grad is True:
                rg = t_or(rg, _params_rg(params))
            return Tensor(rg=rg, leaf=None if rg is None else not rg, kind="opaque")
        tensors = [a for a in args if isinstance(a, Tensor)] + params
        out_rg = self._out_rg(tensors)
        short = qual.rsplit(".", 1)[-1]
        self._forward_writes(obj, short, node)
        saves = spec.get("saves", [])
        evaluating = "Dropout" in short and _is_false(obj.attrs.get("training"))
        if obj.inplace is not False and isinstance(x, Tensor) and not evaluating:
            # name the tensor: the call's argument, or the layer's input inside a Sequential
            target = node
            label = f"{short}(inplace=True)"
            if self.seq_at:
                label += " inside the Sequential"
                at = self.seq_at[-1] if len(self.seq_at) == 1 else None
                if at is not None and at[2] and type(at[0]) is cst.Call and at[0] is node:
                    target = SeqPrefix(node, at[1])
            elif type(node) is cst.Call and node.args:
                target = node.args[0].value
            self.mutate(x, "module_inplace", label, node, target,
                        related_node=obj.ctor_node, related_message=f"{short}(inplace=True) constructed here",
                        certain=obj.inplace is True, related_stmt=obj.ctor_stmt)
            out = x
            if out_rg is True:
                self._absorb_grad(x, Tensor(rg=True))
            # The in-place kernel saves what its own formula needs: an input it
            # overwrote is kept as a copy, so only the output can alias.
            saves = spec.get("saves_inplace", [w for w in saves if w != "input"])
        elif (evaluating or spec.get("view") == "identity" or RETURNS_INPUT in obj.attrs) and isinstance(x, Tensor):
            out = x  # (a dropout layer in eval mode, or with p=0.0, returns its input)
        elif spec.get("view") == "single" and isinstance(x, Tensor):
            out = self._view_of(x, short, "single")
        else:
            out = Tensor(rg=out_rg, leaf=None if out_rg is None else not out_rg, kind="fresh")
            out.storage.f32 = layer_width(x, self.amp)
            if out.storage.f32 is None:
                cast_result(self.cast, spec, x, out)  # computed in bfloat16 under CPU autocast
            kept_layout(out, spec, {"input": x})  # nn.GELU()(x.transpose(1, 2)) is transposed too
        # every tensor argument feeds the output (nn.RNNCell(x, hx): a backward through
        # the new state reaches the old one), not only the first; a tuple of them too
        # (nn.LSTM(x, (h, c)))
        others = [a for a in list(args[1:]) + list(kwargs.values()) if isinstance(a, (Tensor, Seq)) and a is not x]
        link(out, [x] + others + params)
        if out_rg is not False:
            saved_for = spec.get("saved_for") or {}
            for what in saves:
                if what == "input":
                    t = x
                elif what == "result":
                    t = out
                else:  # a parameter, else another forward() argument (LSTMCell's hx, a loss's target)
                    t = obj.attrs.get(what)
                    if t is None:
                        t = forward_arg(spec, what, args, kwargs)
                need = True
                if what in saved_for:  # kept only for the inputs' gradients (Linear's weight)
                    need = False
                    for a in [x] + others:
                        need = t_or(need, a.rg if isinstance(a, Tensor) else None)
                    need = t_and(need, self.state.grad)
                # a tuple argument's tensors are each kept (LSTMCell's (h, c))
                kept = t.items if isinstance(t, Seq) and t.items is not None else \
                    [t.element()] if isinstance(t, Seq) else [t]
                for t in kept:
                    how = cast_save(self.cast, spec, what, t)
                    if isinstance(t, Tensor) and need is not False and how != "copy":
                        self._save(t, short, what, node, out_rg is True and need is True
                                   and what not in spec.get("saves_sometimes", ()), out=out, cast=how == "maybe")
        return out

    def _forward_writes(self, obj, short, node):
        """A module whose forward writes its own parameters (nn.Embedding(max_norm=...)
        renormalises the rows it looks up): an in-place write at the call, made by
        torch under no_grad, that breaks an earlier save of the parameter."""
        flags = obj.attrs.get(FORWARD_WRITES)
        if not isinstance(flags, Const) or not isinstance(flags.value, dict):
            return
        target = node.func if type(node) is cst.Call else node
        for attr, (cond, when) in flags.value.items():
            t = obj.attrs.get(attr)
            if isinstance(t, Tensor):
                label = f"{short}({', '.join(k + '=...' for k in when)}) writing its .{attr}"
                self._write_under_no_grad(t, label, node, target, cond is True, obj)

    def _write_under_no_grad(self, t, label, node, target, certain, obj=None):
        grad = self.state.grad
        self.state.grad = False  # torch writes these under no_grad: not a leaf error
        try:
            if obj is not None:
                self.mutate(t, "module_inplace", label, node, target, certain=certain,
                            related_node=obj.ctor_node, related_message="constructed here",
                            related_stmt=obj.ctor_stmt)
            else:
                self.mutate(t, "function", label, node, target, certain=certain)
        finally:
            self.state.grad = grad

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

    def _none_default(self, expr):
        """``expr`` names a parameter of the function running now whose default is None."""
        f = self.funcs[-1] if self.funcs else None
        if type(expr) is not cst.Name or f is None or type(f.node) is not cst.FunctionDef:
            return False
        p = next((p for p in all_params(f.node) if p.name.value == expr.value), None)
        return p is not None and type(p.default) is cst.Name and p.default.value == "None"

    def _numpy_evidence(self, t):
        """``t`` went into a numpy function (``np.isclose(scale, 0)``): torch refuses to hand
        numpy a tensor that requires grad, so past this point it does not, on this path, and
        the op that computed it (``x.std(...)``, NumPy's own where ``x`` was an ndarray)
        kept nothing for a backward (tsl's scalers, twentythird/04)."""
        self.heap.note_tensor(t)
        t.rg, t.leaf = False, True

        dropped = set()  # the saves of the op whose output t is (or another reference to it)
        for holder in [t] + list(t.srcs or ()):
            if isinstance(holder, Tensor):
                saves = holder.storage.saves
                dropped.update(id(s) for s in saves if isinstance(s.out, Tensor) and s.out.storage is t.storage)
                saves[:] = [s for s in saves if id(s) not in dropped]
        if dropped:
            self.save_log[:] = [s for s in self.save_log if id(s) not in dropped]

    # torch names --------------------------------------------------------------

    def call_qual(self, name, args, kwargs, node):
        if name.startswith("builtins."):
            return self._builtin(name[9:], args, kwargs, node)
        name = self.k.resolve(name)  # torch.functional.F.relu_ is torch.nn.functional.relu_
        if name.startswith("numpy."):
            if name[len("numpy."):] in NUMPY_CONVERTING:
                for a in list(args) + list(kwargs.values()):
                    if isinstance(a, Tensor) and a.rg is None and not a.members:
                        self._numpy_evidence(a)
            return numpy_result(args, kwargs)
        if name in NO_GRAD_CTX:
            return GradCtx(enabled=NO_GRAD_CTX[name])
        if name in AUTOCAST_CTX:
            return autocast(name, args, kwargs)
        if name in ("torch.set_grad_enabled", "torch.autograd.set_grad_enabled",
                    "torch.autograd.grad_mode.set_grad_enabled"):
            v = args[0] if args else kwargs.get("mode")
            enabled = v.value if isinstance(v, Const) and isinstance(v.value, bool) else None
            # Used as a plain call it switches grad mode for what follows.
            self.state.grad = enabled
            self.grad_switches += 1  # (and for the caller of the function that calls it)
            return GradCtx(enabled=enabled)
        if name in HOOK_CTX:
            return GradCtx(hooks=True)
        if name in BACKWARD_FUNCS:
            self._backward(kwargs, accumulates=name.endswith("backward"),
                           root=args[0] if args else kwargs.get("tensors", kwargs.get("outputs")))
            if not name.endswith("grad"):
                return Const(None)
            # the gradients; with create_graph=True they are part of the graph (a gradient penalty)
            rg = truthiness(kwargs["create_graph"]) if "create_graph" in kwargs else False
            grad = Tensor(rg=rg, leaf=None if rg is None else not rg, kind="fresh")
            if rg is not False:
                # their graph is the outputs' graph (a MAML inner step ``w.sub_(lr * g)``: a
                # backward through the stepped weight reaches what the inner loss saved)
                link(grad, [args[0] if args else kwargs.get("outputs")])
            return Seq(elem=grad, is_tuple=True)
        reparam = self.k.module_function(name)
        if reparam is not None:
            # ``spectral_norm(nn.Linear(...))``: the module itself, its weight now computed
            # from its own parameters in each forward (requiring grad as they do)
            at = reparam["module"]
            module = args[at] if len(args) > at else kwargs.get("module")
            return module if module is not None else opaque()
        wrapper = self.k.wrapper(name)
        if wrapper is not None and wrapper.get("leaf") and name not in PARAM_CLASSES:
            return self._wrap(wrapper, args, kwargs, node, kind="buffer" if name in BUFFER_CLASSES else "fresh")
        if name in PARAM_CLASSES:
            src = args[0] if args else kwargs.get("data")
            rgv = kwargs.get("requires_grad") or (args[1] if len(args) > 1 else None)
            rg = rgv.value if isinstance(rgv, Const) and isinstance(rgv.value, bool) else True
            return Tensor(rg=rg, leaf=True, kind="param", node=node,
                          storage=src.storage if isinstance(src, Tensor) and src.kind == "fresh" else None)
        if name == "functools.partial" and args:
            return Partial(args[0], args[1:], kwargs)
        if name == "collections.defaultdict" and args and isinstance(args[0], Qual) and \
                args[0].name in ("builtins.list", "builtins.dict"):
            return Dict(factory=args[0].name[len("builtins."):])
        if name == "collections.deque":
            # a list whose length a maxlen may cap: its members, in no known order
            first = args[0] if args else kwargs.get("iterable")
            return Seq(elem=self.iterate(first)) if first is not None else Seq(items=[])
        if name == "collections.OrderedDict":
            return self._builtin("dict", args, kwargs, node)  # a dict, in the order given
        if name == "argparse.ArgumentParser":
            return Obj(qual=objects.ARG_PARSER)
        if name in ("argparse.Namespace", "types.SimpleNamespace"):
            ns = Obj(qual="namespace")  # a config object: its attributes are the keywords
            ns.attrs.update(kwargs)
            return ns
        if name in CHECKPOINT_FUNCS:
            return self.checkpoint(args, kwargs, node)
        if name == registration.PARAMETRIZE:
            return registration.parametrize(self, args, kwargs, node)
        if name == "importlib.import_module" and args and self.project is not None:
            return project_hooks.import_module(self, args[0], args[1] if len(args) > 1 else kwargs.get("package"))
        if name == "contextlib.nullcontext":
            return Const(None)  # a context that does nothing (not an autocast region by another name)
        if name in ("copy.deepcopy", "copy.copy"):
            return self._deepcopy(args[0] if args else opaque())
        if name.startswith("torch.nn.init."):  # (no_grad writes not modelled: a dummy forward in __init__)
            return args[0] if args else opaque()
        if name.startswith("torch._foreach_") and args:
            return self._foreach(name[len("torch._foreach_"):], args, kwargs, node)
        if name == "torch.optim.swa_utils.AveragedModel" and args:
            return objects.averaged_model(self, args[0], node)
        if name.startswith("torch.optim.") and name.rsplit(".", 1)[-1][:1].isupper() and "lr_scheduler" not in name:
            obj = Obj(qual="optimizer", ctor_node=node, ctor_stmt=self.cur_stmt)
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
            return Tensor(rg=rg, leaf=True, kind="fresh", node=node, dtype=dtype_class(kwargs.get("dtype")))
        if name.startswith(DISTRIBUTIONS):
            return self._distribution(args, kwargs)
        return opaque(self._taint(args, kwargs))

    def _distribution(self, args, kwargs):
        """A torch.distributions object, or what one of its methods gives (``log_prob``,
        ``entropy``, ``rsample``): computed from its tensors by differentiable torch ops, so a
        backward from it reaches them (an A2C loss from ``Categorical(logits=...).log_prob(a)``
        reaches the trunk)."""
        out = opaque(self._taint(args, kwargs))
        out.distribution = True
        link(out, [v for v in list(args) + list(kwargs.values()) if isinstance(v, (Tensor, Seq))])
        return out

    def _wrap(self, fact, args, kwargs, node, kind="fresh"):
        """Variable(t, requires_grad=True): a new leaf; shares t's version counter."""
        src = args[0] if args else kwargs.get("data")
        flag = kwargs.get("requires_grad")
        if flag is None and len(args) > 1 and "requires_grad" in (fact.get("params") or ())[1:2]:
            flag = args[1]
        default = fact.get("requires_grad")
        if flag is not None:
            rg = flag.value if isinstance(flag, Const) and isinstance(flag.value, bool) else None
        elif default == "data":
            rg = src.rg if isinstance(src, Tensor) else None
        else:
            rg = bool(default)
        shared = isinstance(src, Tensor) and fact.get("shares_version")
        return Tensor(storage=src.storage if shared else None, rg=rg, leaf=True, kind=kind, node=node,
                      dtype=src.dtype if isinstance(src, Tensor) else None)

    def _backward(self, kwargs, accumulates=True, root=None):
        self.backward_runs += 1
        reach = reaches(root)  # once: what this backward reaches decides both below
        self.confirm_retained(reach)
        retain = kwargs.get("retain_graph") or kwargs.get("create_graph")
        # a flag of unknown value keeps it: a later backward through this graph works only if
        # it was kept (``backward(retain_graph=regularise)`` then ``if regularise: grad(...)``)
        keep = retain is not None and not (isinstance(retain, Const) and retain is not UNKNOWN_CONST
                                           and not retain.value)
        if accumulates:
            self.state.backward(free=not keep, spared=self._not_reached(reach) if not keep else frozenset())
        else:
            # autograd.grad returns grads, leaves .grad alone; a graph it keeps
            # (retain_graph=True) is a hazard only for a later backward that reaches it
            grads = self.state.grads
            self.state.backward(free=not keep)
            self.state.grads = grads

    def _not_reached(self, reach):
        """The live saves a backward that reaches ``reach`` does not (ids): their graph
        is not freed.  None of them when it may reach anything."""
        log, self.save_log = self.save_log, []
        if reach is None:
            return frozenset()
        tensors, stores = reach
        spared = [s for s in log if s.out is not None and self.state.live(s)
                  and id(s.out) not in tensors and id(s.out.storage) not in stores]
        self.save_log = spared  # the others are freed now
        return frozenset(id(s) for s in spared)

    def _deepcopy(self, v, depth=0):
        if isinstance(v, Obj):
            memo = {}
            return copy_obj(v, memo)
        if isinstance(v, Tensor):
            return Tensor(rg=v.rg, leaf=True if v.rg is not None else None, kind=v.kind)
        if depth < 3 and isinstance(v, Dict) and v.factory is None:
            # a snapshot of a state dict (``copy.deepcopy(scaler.state_dict())``): new tensors
            return Dict({k: self._deepcopy(e, depth + 1) for k, e in v.entries.items()})
        if depth < 3 and isinstance(v, Seq) and (v.items is not None or v.elem is not None):
            if v.items is not None:
                return Seq(items=[self._deepcopy(i, depth + 1) for i in v.items], is_tuple=v.is_tuple)
            return Seq(elem=self._deepcopy(v.elem, depth + 1), is_tuple=v.is_tuple, nonempty=v.nonempty)
        return v

    def call_method(self, recv, name, args, kwargs, node):
        if isinstance(recv, Tensor):
            return self.tensor_method(recv, name, args, kwargs, node)
        if isinstance(recv, Obj):
            return self.object_method(recv, name, args, kwargs, node)
        if isinstance(recv, registration.HookHandle):
            return recv.remove(self) if name == "remove" else Const(None)
        if isinstance(recv, SuperRef):
            if name == "__init__" and recv.obj is not None:
                for b in recv.owner.bases:
                    if isinstance(b, Qual):
                        if b.name.startswith("torch.optim"):
                            recv.obj.params = self._param_source(args[0]) if args else None
                        elif self.k.module(b.name) is not None or b.name in MODULE_CONTAINERS:
                            self._init_known(recv.obj, b.name, args, kwargs)
                return Const(None)
            if name == "forward" and recv.obj is not None:
                known = next((c.name for c in recv.following() if isinstance(c, Qual)), None)
                if known and (self.k.module(known) is not None or known in MODULE_CONTAINERS):
                    return self._apply_known(recv.obj, known, args, kwargs, node)
            return opaque(self._taint(args, kwargs))
        if isinstance(recv, (Seq, Dict, Const)):
            got = python_method(self, recv, name, args)
            if got is not None:
                return got
        if isinstance(recv, ClassInfo):
            if name == "apply" and recv.kind == "function":
                got = self.apply_function(recv, args, kwargs, node)
                if got is not None:
                    return got
                return opaque(self._taint(args, kwargs))
            return opaque(self._taint(args, kwargs))
        return opaque(self._taint(args, kwargs))

    def _detach_view(self, t, node):
        """``h.detach_()`` on a view: torch refuses it whatever the grad mode ("Can't detach views
        in-place"): an event of kind "detach" for IPL003 (nothing saved is at stake)."""
        keep = self.env is None or project_hooks.keep_event(self, t, []) is True
        if not keep:
            return
        target = node.func.value if type(node) is cst.Call and type(node.func) is cst.Attribute else node
        ev = RawEvent("detach", "detach_", node, target, Snapshot(t), self.state.grad, [], self.chain,
                      stmt=self.cur_stmt)
        self.events.append(ev)
        if self.env is not None:
            ev.env, ev.anchor, ev.caller_target = self.env, self.anchor, project_hooks.caller_expr(self, t)

    def tensor_method(self, t: Tensor, name, args, kwargs, node):
        if name == "backward":
            use(t)
            self._backward(kwargs, root=t)
            return Const(None)
        if name == "requires_grad_":
            flag = args[0] if args else kwargs.get("requires_grad", Const(True))
            value = flag.value if isinstance(flag, Const) and isinstance(flag.value, bool) else None
            self.heap.note_tensor(t)  # (before the leaf fact changes too)
            if value is not False and t.rg is not True:
                # becomes a leaf that requires grad (only leaves can be switched)
                t.leaf = True if t.leaf is True or t.rg is False else t.leaf
            self.heap.set_requires_grad(t, value if value is not None else t_or(t.rg, None))
            return t
        if name == "detach_":
            if t.base is not None and t.view is not None:
                self._detach_view(t, node)
            self.heap.note_tensor(t)
            t.rg, t.leaf = False, True
            return t
        if name in HARMLESS_METHODS:
            return t if name.endswith("_") else Const(None)
        if name in ("item", "tolist", "numpy") or name in NDARRAY_ONLY_METHODS:
            # plain numbers or an ndarray: no backward goes on from them (``numpy()``
            # refuses a tensor that requires grad; ``astype`` is called on an ndarray
            # taken for a tensor), so they end what reaches ``t``
            mark_read(t)
            return UNKNOWN_CONST
        if name in ("size", "dim", "numel", "data_ptr", "element_size", "stride",
                    "is_contiguous", "nelement", "__len__", "storage_offset", "get_device"):
            return UNKNOWN_CONST
        if name == "detach":
            # shares the version counter, but is a fresh leaf, not a view: in-place on it is allowed
            # (only the saves on the shared counter matter)
            mark_read(t)  # a detached copy: no backward reaches t through it
            return detached(t)
        if name in SURE_ALIAS_METHODS and not args and not kwargs:
            if name == "contiguous" and (t.noncontig or t.view == "multi"):
                # a transposed view, or a piece of split/chunk/unbind (``start.squeeze(-1)`` of
                # ``logits.split(1, dim=-1)``, stride 2): a copy when it is not contiguous
                return t.maybe_alias(".contiguous()")
            return t
        if name == "to" or conversion_target(name, args, kwargs) is not None and t.storage.f32 is not None:
            got = convert(self, t, name, args, kwargs, node)
            if got is not None:
                return got
        if name == "clone":
            if t.rg is False:
                out = Tensor(rg=False, leaf=True, kind="fresh", dtype=t.dtype)
            else:
                out = Tensor(rg=self._out_rg([t]), leaf=None if t.rg is None else not (t.rg and self.state.grad),
                             kind="fresh", dtype=t.dtype)
                link(out, [t])
            out.storage.f32 = t.storage.f32  # a copy of the same dtype
            kept_layout(out, self.k.method("clone") or {}, {"self": t, **kwargs})
            out.snapshot = (id(t.storage), len(self.events), self.backward_runs, len(self.save_log))
            return out
        spec = self.k.method(name)
        if spec is None:
            if t.distribution:
                return self._distribution([t] + list(args), kwargs)
            return opaque(self._taint([t] + list(args), kwargs))
        return self.apply_op(spec, name, [t] + list(args), kwargs, node, method=True)

    # ops ----------------------------------------------------------------------

    def apply_op(self, spec, name, args, kwargs, node, method=False, qualname=None):
        params = spec.get("params") or []
        bound = {}
        pos = [a for a in args if not isinstance(a, Starred)]
        for i, a in enumerate(pos):
            if i < len(params):
                bound[params[i]] = a
        for k, v in kwargs.items():
            slot = bind_keyword(spec, k)
            if slot == k and isinstance(v, Tensor) and v.kind in ("arg", "opaque") and \
                    k in (spec.get("keywords") or {}).values():
                # ``x.max(dim=d)``: the overload taking a tensor there names it otherwise
                # (``other``), so this keyword picks the one taking a number
                v = UNKNOWN_CONST
            bound[slot] = v
        spread = bind_varargs(params, list(args), bound)  # einsum's operands, block_diag's tensors
        first = pos[0] if pos else bound.get(params[0]) if params else None
        data_args = [v for k, v in bound.items() if k not in SIZE_ARGUMENTS]  # (sizes carry no grad)
        tensors = [v for v in data_args if isinstance(v, Tensor)]
        for a in pos[len(params):]:
            if isinstance(a, Tensor):
                tensors.append(a)
            elif isinstance(a, Seq):
                e = a.element()
                if isinstance(e, Tensor):
                    tensors.append(e)
        for v in data_args:
            if isinstance(v, Seq):  # torch.cat([a, b]) and friends
                if v.items is not None and 0 < len(v.items) <= 16 and all(isinstance(i, Tensor) for i in v.items):
                    tensors.extend(v.items)  # each: cat of a no-grad and a grad tensor requires grad
                    continue
                e = v.element()
                if isinstance(e, Tensor):
                    tensors.append(e)
        if (qualname is not None or method) and isinstance(first, Tensor) and first.kind == "arg":
            first.kind = "input"  # the first argument of a torch function is a tensor
        out = bound.get("out")
        # (out=(values, indices) of a tuple-returning op: refused as one write)
        written = [out] if isinstance(out, Tensor) else out.items if isinstance(out, Seq) and out.items and all(
            isinstance(o, Tensor) for o in out.items) else None
        if written:
            # torch refuses when any argument requires grad, the out= tensor included
            # (torch.add(c, 1, out=c) with c a leaf that requires grad)
            target = written[0]
            if target.kind == "arg" and self._none_default(_kwarg_node(node, "out")):
                # ``def q(self, x, out=None): torch.minimum(a, b, out=out)`` judged with no caller:
                # most calls pass no buffer (a caller that passes one is judged at its call)
                target = target.copy(alias_certain=False)
            self.mutate(target, "out", "out=", node, _kwarg_node(node, "out") or node,
                        out_rg=self._out_rg(tensors))
            for o in written:
                o.rank = None  # resized to the result's shape
            return out if isinstance(out, Tensor) else Seq(items=list(written), is_tuple=True)
        self._call_writes(spec, name, bound, node)
        inplace_kw = bound.get("inplace")
        is_inplace = spec.get("inplace") or (isinstance(inplace_kw, Const) and inplace_kw.value is True)
        certain = True
        save_spec = spec
        if is_inplace and not spec.get("inplace"):
            # inplace=True on a functional: saves follow the in-place kernel
            variant = self.k.function(qualname + "_") if qualname else None
            save_spec = variant or {"params": params, "saves": [w for w in spec.get("saves", ()) if w != "input"]}
            p = bound.get("p")
            if returns_input(spec, bound):
                is_inplace = False  # dropout that does nothing returns its input
            elif p is not None and (p is UNKNOWN_CONST or not isinstance(p, Const)):
                certain = False  # some rate, maybe 0
        # a factory's size arguments (``torch.zeros(n)``, n of unknown type) carry no grad
        differentiable = spec.get("differentiable", True) and name not in CREATION_OPS
        if name in SIZED_CREATION_OPS and not method:
            for a in args:
                size_evidence(a)
        out_rg = self._out_rg(tensors) if differentiable else False
        if is_inplace and isinstance(first, Tensor) and first.dtype == "int" and \
                not isinstance(bound.get("value"), Tensor):
            # written into an integer tensor: torch casts nothing that requires grad into it
            # (scatter_ wants src of self's dtype, add_ refuses a float into a long), so the
            # op records no graph and keeps nothing (a beam search's label store).  Not a
            # fill with a 0-dim tensor: fill_, masked_fill_, index_fill_ do record one
            out_rg = False
        rgv = kwargs.get("requires_grad")
        if isinstance(rgv, Const) and rgv.value is True:
            made = type_result(Tensor(rg=True, leaf=True, kind="fresh", node=node), name, pos, kwargs, qualname,
                               self._amp_for(tensors))
            return rank_result(made, name, args, kwargs)
        if is_inplace and isinstance(first, Tensor):
            if name == "copy_" and self.restores(first, bound.get("src")):
                return first
            save_spec = self._self_saved_argument(save_spec, name, bound, first, node, out_rg)
            target_node = node.func.value if method and type(node) is cst.Call and \
                type(node.func) is cst.Attribute else (node.args[0].value if type(node) is cst.Call
                                                           and node.args else node)
            label = name if spec.get("inplace") else f"{name}(inplace=True)"
            self.mutate(first, "method" if method else ("function" if spec.get("inplace") else "inplace_kw"),
                        label, node, target_node, certain=certain, out_rg=out_rg)
            if out_rg is True:
                self._absorb_grad(first, Tensor(rg=True))
            link(first, tensors)
            if first.base is not None and not first.data:
                # written through a view (``L.diagonal().copy_(softplus(d))``): what uses the
                # base uses what was written into it
                link(first.root(), [t for t in tensors if t is not first])
            after_inplace(first, name)
            result = first
        else:
            view = spec.get("view")
            if view and isinstance(first, Tensor):
                if spec.get("view_maybe_copy") and first.noncontig:
                    result = Tensor(rg=out_rg, leaf=None if out_rg is None else not out_rg, kind="fresh")
                else:
                    result = self._view_of(first, name, "single" if view == "each" else view)
                    if view in ("multi", "each"):  # a tuple of views (each one writable for "each")
                        result = Seq(elem=result, is_tuple=True)
            elif spec.get("maybe_alias") and isinstance(first, Tensor):
                result = first if returns_input(spec, bound) else \
                    first.maybe_alias(("." if method else "") + name + "()")
            else:
                # An operator on values of unknown type (``n ** 0.5`` with n an
                # argument) may be plain Python arithmetic: its result is of unknown
                # type too.  torch.* functions and Tensor methods return tensors.
                # An operator on arguments known to be tensors (annotations) gives a
                # tensor whose origin is as unknown as theirs.
                known = qualname is not None or method or any(
                    t.kind not in ("arg", "opaque", "input") for t in tensors)
                kind = "fresh" if known else "input" if any(t.kind == "input" for t in tensors) else "opaque"
                result = Tensor(rg=out_rg, leaf=None if out_rg is None else not out_rg, kind=kind, node=node)
            result = rank_result(type_result(result, name, pos, kwargs, qualname, self._amp_for(tensors)), name,
                                 args, kwargs)
            if not view:
                kept_layout(result, spec, bound)  # sigmoid(x.transpose(1, 2)) is transposed too
            if isinstance(result, Tensor) and result.storage.f32 is None and not any(
                    t.storage is result.storage for t in tensors):
                cast_result(self.cast, spec, first, result)  # computed in bfloat16 under CPU autocast
            if isinstance(result, Tensor) and result.dtype is None and "result" in spec.get("int_outputs", ()):
                # measured: integral for floating inputs (multinomial, matrix_rank)
                result.dtype, result.rg, result.leaf = "int", False, True
            if isinstance(result, Tensor) and result.dtype == "int":
                out_rg = False  # an integral result has no graph: nothing is saved for it
            link(result, tensors)
            tuple_outputs(result, spec, bound, tensors)
        if out_rg is not False:
            extra = not spread and (len(pos) < len(args) or len(pos) > len(params))  # *args, or more than it takes
            sure = default_certain(spec, bound, extra) | value_certain(spec, bound, extra)
            self._record_saves(save_spec, name, bound, result, node, out_rg, sure)
        return result

    def _amp_for(self, tensors):
        """Whether ops may compute in a lower precision (see dtypes.type_result): not those
        without tensor inputs (factories) where only torch's autocast regions are open."""
        return 0 if not tensors and self.cast == ON and self.widths_known else self.amp

    def _view_of(self, base: Tensor, op, kind):
        mark_read(base)
        if base.members and base.paths:
            # a view of "a or b" is "a view of a, or a view of b"
            g = make_group([self._view_of(m, op, kind) for m in base.members])
            g.paths, g.hide, g.alias_certain, g.data = True, base.hide, base.alias_certain, base.data
            kinds = {m.view for m in g.members} if g.members else set()
            if len(kinds) == 1 and None not in kinds:
                g.view, g.base = kinds.pop(), base  # the same kind of view of each: of the group
            return g
        view = kind
        if base.view in ("multi", "nograd"):
            view = base.view
        elif self.state.grad is False and kind != "multi":
            view = "nograd"  # (of a tensor without grad too: writing a value that needs grad is refused)
        v = Tensor(storage=base.storage, rg=base.rg if self.state.grad is not False or base.rg is False else base.rg,
                   leaf=False if base.rg is True else (None if base.rg is None else True), view=view, base=base,
                   data=base.data, alias_certain=base.alias_certain,
                   kind=base.kind if base.kind in ("opaque", "arg", "input") else "fresh", dtype=base.dtype)
        # .T / .t() / .H exist for matrices only: a transposed 2-D matrix, which matmul and
        # linear use as it is (mm), never folding it into a reshaped copy; .mT / .mH swap the
        # last two dimensions, which batched matmul folds by a view (ranks.swapped_last_two)
        v.noncontig = (bool(base.noncontig) or MATRIX_SWAPS.get(op, True)) if op in NONCONTIG_VIEWS else base.noncontig
        swap_view(v, base, op)
        v.partial = base.partial
        v.hide = base.hide  # a view of a value from one path of a branch sees that path's saves only
        return keep_big_join(v, base)

    # events -------------------------------------------------------------------


def _p(spec, i):
    params = spec.get("params") or []
    return params[i] if i < len(params) else f"_{i}"


def _params_rg(params):
    rg = False
    for p in params:
        rg = t_or(rg, p.rg)
    return rg


def _kwarg_node(call, name):
    if type(call) is cst.Call:
        for a in call.args:
            if a.keyword is not None and a.keyword.value == name:
                return a.value
    return None


def _is_false(v):
    return isinstance(v, Const) and v.value is False


def _switched_off(flags, arg, defaults):
    """A constructor flag that leaves the parameter None (``bias=False``, ``affine`` not given
    to an InstanceNorm) is surely off: passed as a falsy constant, or left at such a default."""
    for flag in flags:
        v = arg(flag)
        if v is None:
            if defaults.get(flag) is False:
                return True
        elif isinstance(v, Const) and v is not UNKNOWN_CONST and v.value in (False, None, 0):
            return True
    return False
