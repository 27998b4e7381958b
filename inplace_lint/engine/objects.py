"""Methods of torch objects other than tensors: an ``nn.Module``'s (parameters,
submodules, ``zero_grad``, hooks), an optimizer's ``step``, an ``autograd.Function``'s
ctx (``save_for_backward``), and the fused ``torch._foreach_*`` ops on lists of tensors.
Mixed into ``Interpreter`` next to ``TorchSemantics``, whose ops it uses.
"""
from __future__ import annotations

import libcst as cst

from . import registration
from .dtypes import convert_module, module_width
from .frames import dotted as _dotted
from .pyobjects import mapping_view
from .aliases import custom_view
from .values import (
    UNKNOWN_CONST, BoundMethod, ClassInfo, Const, Dict, Func, LambdaFn, Obj, Partial, Qual, Seq, Tensor, join_all,
    make_group, opaque,
)

AUTOGRAD_CTX = "torch.autograd.function.FunctionCtx"
AVERAGED = "__averaged__"  # an AveragedModel (swa_utils): its update_parameters writes its copy
# ``argparse.ArgumentParser()`` and what its ``parse_args()`` returns: command-line options are
# strings, numbers, booleans and lists of them, never tensors (``args.gamma * returns[i + 1]``
# keeps nothing of the returns)
ARG_PARSER = "argparse.ArgumentParser"
PARSED_ARGS = "argparse.parsed"
_PARSER_SELF = ("add_argument_group", "add_mutually_exclusive_group", "add_subparsers", "add_parser")


def detached_state(obj):
    """What ``module.state_dict()`` maps names to: its parameters and buffers, detached
    (no grad, but sharing their version counters: writing one bumps the parameter's)."""
    ts = [t for m in obj.submodules() for t in list(m.own_params()) + [
        b for b in m.attrs.values() if isinstance(b, Tensor) and b.kind == "buffer"]]
    return make_group([Tensor(storage=t.storage, rg=False, leaf=True, alias_certain=t.alias_certain, kind="fresh",
                              dtype=t.dtype) for t in ts], kind="fresh")


def averaged_model(interp, model, node):
    """``torch.optim.swa_utils.AveragedModel(model)``: a deep copy of the model (its parameters
    still require grad), called as the model is, whose ``update_parameters`` writes them."""
    copy = interp._deepcopy(model)
    obj = Obj(qual="torch.nn.Sequential", is_module=True, ctor_node=node, ctor_stmt=interp.cur_stmt)
    obj.items = [copy]
    obj.attrs["module"] = copy
    obj.attrs[AVERAGED] = Const(True)
    return obj


class TorchObjects:
    def _update_params(self, params, op, node, certain=True, only_certain=False):
        """``params`` written in place under no_grad by ``op`` (an optimizer's step, a state
        dict loaded, an average updated): a "step" event, judged against what was saved for a
        backward still to come.  ``only_certain``: reported only when certain (see _foreach)."""
        saved = self.state.grad
        self.state.grad = False
        self.fused += only_certain
        try:
            self.mutate(params, "step", op, node, node, certain=certain)
        finally:
            self.fused -= only_certain
            self.state.grad = saved

    def object_method(self, obj: Obj, name, args, kwargs, node):
        if obj.qual == ARG_PARSER:
            if name == "parse_args":
                return Obj(qual=PARSED_ARGS)
            if name == "parse_known_args":
                return Seq(items=[Obj(qual=PARSED_ARGS), Seq(elem=UNKNOWN_CONST)], is_tuple=True)
            return obj if name in _PARSER_SELF else Const(None)
        if obj.qual == AUTOGRAD_CTX:
            rg = obj.attrs["__grad__"].value
            if name == "save_for_backward" and rg is not False:
                for t in args:
                    if isinstance(t, Tensor):
                        self._save(t, "save_for_backward", "input", node, rg is True)
            elif name == "mark_dirty":
                obj.attrs["__dirty__"] = Const(True)  # modified in place and returned: not a view
                obj.attrs["__dirty_args__"] = Seq(items=[t for t in args if isinstance(t, Tensor)])
            return Const(None)
        if name == "load_state_dict" and obj.is_module and obj.qual != "optimizer":
            # torch copies the dict's tensors into the parameters under no_grad: a forward
            # whose graph is still to be backpropagated kept some of them.  Reported only when
            # certain, as a fused write is: a model's whole parameter group is written, and a
            # "may" would flag every checkpoint load after a calibration forward
            self._update_params(self._module_params(obj), name, node, only_certain=True)
            return Const(None)
        if name == "update_parameters" and AVERAGED in obj.attrs:
            # the average's parameters written under no_grad (``p_avg.detach().copy_(...)``):
            # a teacher forward through them before backward kept some of them (an average
            # of a model the analysis does not know, a function's argument, has none known)
            if isinstance(obj.attrs["module"], Obj):
                self._update_params(self._module_params(obj.attrs["module"]), name, node)
            return Const(None)
        if obj.qual == "optimizer" and obj.cls is None or (obj.cls is not None and obj.cls.kind == "optimizer"
                                                           and name == "step"):
            if name == "step":
                if obj.cls is not None:
                    m, owner = obj.cls.lookup("step")
                    if m is not None:
                        # torch adds no no_grad to a subclass's step: grad as its decorators
                        # say, else as the caller has it (a Lion without @torch.no_grad())
                        grad = self.decorator_grad(m)
                        self.call_function(Func(m, owner=owner, bound=obj, grad=grad), args, kwargs, node)
                else:
                    closure = args[0] if args else kwargs.get("closure")
                    if closure is not None and not isinstance(closure, Const):
                        # torch's optimizers run the closure (L-BFGS: the forward, the
                        # backward) with grad enabled before they update the parameters
                        saved = self.state.grad
                        self.state.grad = True
                        self.grad_version += 1
                        try:
                            self.call(closure, [], {}, node)
                        finally:
                            self.state.grad = saved
                            self.grad_version += 1
                # step() skips parameters whose .grad is None (never computed,
                # or reset by zero_grad()).
                if obj.params is not None and self.state.grads is not False:
                    self._update_params(obj.params, "step", node, certain=self.state.grads is True)
                return Const(None)
            if name == "zero_grad":
                self._zero_grad(kwargs)
            return Const(None)
        if name in ("parameters", "named_parameters"):
            group = self._module_params(obj)
            pairs = named_params(obj) if name == "named_parameters" else None
            if pairs is not None:
                # a small model's parameters one by one, by name: a loop over them runs per
                # parameter, and ``if name in names:`` picks the ones it names
                return Seq(items=[Seq(items=[n, p], is_tuple=True) for n, p in pairs], nonempty=True)
            return Seq(elem=group if name == "parameters" else Seq(items=[UNKNOWN_CONST, group], is_tuple=True))
        if name in ("buffers", "named_buffers"):
            bufs = [v for m in obj.submodules() for v in m.attrs.values()
                    if isinstance(v, Tensor) and v.kind == "buffer"]
            g = make_group(bufs, kind="buffer") if bufs else Tensor(kind="buffer")
            return Seq(elem=g if name == "buffers" else Seq(items=[UNKNOWN_CONST, g], is_tuple=True))
        if obj.qual in ("torch.nn.ModuleDict", "torch.nn.ParameterDict") and name in ("items", "values", "keys"):
            held = [v for k, v in obj.attrs.items() if isinstance(v, (Obj, Tensor)) and not k.startswith("__")]
            return mapping_view(name, held, nonempty=bool(held))  # for name, block in self.blocks.items()
        if name in ("named_modules", "named_children"):
            pairs = named_submodules(obj, name == "named_modules")
            if pairs is not None:  # ``dict(model.named_modules())["2"]``: the layer itself
                return Seq(items=[Seq(items=[Const(n), m], is_tuple=True) for n, m in pairs])
        if name in ("modules", "children"):
            pairs = named_submodules(obj, name == "modules")
            if pairs is not None and len(pairs) <= MAX_LISTED:  # a small model's modules, in order
                return Seq(items=[m for _, m in pairs])
        if name in ("modules", "children", "named_modules", "named_children"):
            mods = list(obj.submodules() if name.endswith("modules") else obj.children())
            e = join_all(mods) if mods else opaque()
            return Seq(elem=e if not name.startswith("named") else Seq(items=[UNKNOWN_CONST, e], is_tuple=True))
        if name == "zero_grad":
            self._zero_grad(kwargs)
            return Const(None)
        if name in ("train", "eval"):
            # the mode of the module and every module in it: in eval mode a dropout layer
            # returns its input untouched (``Dropout(inplace=True)`` writes nothing)
            flag = Const(False) if name == "eval" else args[0] if args else kwargs.get("mode", Const(True))
            known = isinstance(flag, Const) and isinstance(flag.value, bool)
            for m in obj.submodules():
                if known:
                    m.attrs["training"] = Const(flag.value)
                else:
                    m.attrs.pop("training", None)
            return obj
        if name in ("train", "eval", "to", "cuda", "cpu", "float", "double", "half", "bfloat16", "type",
                    "share_memory"):
            texts = [_dotted(a.value) for a in node.args if a.keyword is None] if type(node) is cst.Call else []
            convert_module(obj, module_width(name, args, kwargs, texts))
            return obj
        if name == "requires_grad_":
            flag = args[0] if args else kwargs.get("requires_grad", Const(True))
            value = flag.value if isinstance(flag, Const) and isinstance(flag.value, bool) else None
            self.heap.set_requires_grad(self._module_params(obj), value)
            return obj
        if name in registration.METHODS:
            return registration.register(self, obj, name, args, node)
        if name == "apply" and args:
            subs = list(obj.submodules())
            self.call(args[0], [join_all(subs)], {}, node)
            return obj
        if name == "forward":
            return self.apply_module(obj, args, kwargs, node)
        if name in ("append", "extend", "insert") and obj.items is not None:
            if name == "extend" and args:
                got = args[0]
                if isinstance(got, Seq) and got.items is not None:
                    obj.items.extend(got.items)  # ``layers.extend([Attention(c), FeedForward(c)])``: in order
                else:
                    obj.items.append(self.iterate(got))
            elif args:
                obj.items.append(args[-1])
            return Const(None)
        if name == "state_dict":
            return Dict({"?": detached_state(obj)})
        if name == "get_submodule":
            return self._submodule(obj, args[0] if args else kwargs.get("target", UNKNOWN_CONST))
        return opaque(self._taint(args, kwargs))

    def apply_function(self, recv, args, kwargs, node):
        """``Fn.apply(*args)`` of a custom ``autograd.Function`` of the code's own: its forward
        with grad disabled; None when the result is not worked out."""
        fwd, owner = recv.lookup("forward")
        if fwd is None:
            return None
        # the ctx: what forward hands to save_for_backward is kept for the
        # Function's backward when its output requires grad
        ctx = Obj(qual=AUTOGRAD_CTX)
        rg = self._out_rg([a for a in args if isinstance(a, Tensor)])
        ctx.attrs["__grad__"] = Const(rg)
        before = self.saves_before(args)
        got = self.call_function(Func(fwd, owner=owner, grad=False), [ctx] + list(args), kwargs, node)
        self.dirty_inputs(ctx, f"{recv.name}.apply", args, node, before)
        # forward returning its input or a view of it (``x.view_as(x)``, a gradient
        # reversal): the output is a view made inside a custom Function
        if isinstance(got, Tensor) and rg is not False and "__dirty__" not in ctx.attrs and any(
                isinstance(a, Tensor) and a.storage is got.storage for a in args):
            return custom_view(got, rg)
        # a tensor forward made (``y = tanh(x) * s; ctx.save_for_backward(y)``): the
        # output is that tensor, with the Function's grad, and what was saved of it
        outs = got.items if isinstance(got, Seq) and got.is_tuple and got.items is not None else [got]
        made = [_function_output(o, rg, args) for o in outs]
        if all(m is not None for m in made):
            return made[0] if made and outs[0] is got else Seq(items=made, is_tuple=True)
        return None

    @staticmethod
    def saves_before(args):
        return [frozenset(map(id, a.visible_saves())) if isinstance(a, Tensor) else None for a in args]

    def dirty_inputs(self, ctx, label, args, node, before):
        """After ``Fn.apply(x)`` whose forward called ``ctx.mark_dirty(x)``: autograd treats the
        call as an in-place op on ``x`` in the caller's grad mode (a view of a multi-output op,
        a leaf that requires grad, or a tensor saved before the call raises as for any in-place
        op; what the Function saved of ``x`` itself, ``before`` says, is its output's)."""
        dirty = ctx.attrs.get("__dirty_args__")
        if not isinstance(dirty, Seq) or not dirty.items or self.state.grad is False:
            return
        for i, a in enumerate(args):
            if isinstance(a, Tensor) and any(a is d or a.storage is d.storage for d in dirty.items):
                own = [s for s in a.visible_saves() if id(s) not in before[i]]
                t = a.copy(ruled_out=(a.ruled_out or frozenset()) | frozenset(own)) if own else a
                target = node.args[i].value if type(node) is cst.Call and i < len(node.args) else node
                self.mutate(t, "function", label, node, target)

    def _foreach(self, op, args, kwargs, node):
        """``torch._foreach_<op>(tensors, others, ...)``: the tensor method ``<op>`` on each
        tensor of the first list, with the matching element of every other list (a scalar
        goes to each); ``_foreach_lerp_(ema, params, w)`` writes each EMA tensor in place.
        Fused ops are what optimizers and EMA helpers run on their state lists (under
        no_grad in practice): what one saves is left out, and a write by one is reported
        only when certain (``self.fused``, read by ``mutate``)."""
        first = args[0]
        n = len(first.items) if isinstance(first, Seq) and first.items is not None else None
        if n is not None and not 0 < n <= 16:
            n = None

        def nth(a, i):
            if isinstance(a, Seq):
                return a.items[i] if i is not None and a.items is not None and i < len(a.items) else a.element()
            return a
        results = []
        self.fused += 1
        try:
            for i in range(n) if n is not None else (None,):
                t = nth(first, i)
                others = [nth(a, i) for a in args[1:]]
                spec = self.k.method(op) if isinstance(t, Tensor) else None
                # (as a function: the message names the list argument and the fused op)
                results.append(self.apply_op(dict(spec, saves=(), saves_sometimes=(), overloads=()),
                                             "_foreach_" + op, [t] + others, kwargs, node) if spec is not None
                               else opaque(self._taint([t] + others, kwargs)))
        finally:
            self.fused -= 1
        return Seq(items=results) if n is not None else Seq(elem=results[0])

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

    def _submodule(self, obj: Obj, target):
        """``model.get_submodule("blocks.0.mlp")``: that module when the path is known, else
        one of the model's modules."""
        if isinstance(target, Const) and isinstance(target.value, str) and target is not UNKNOWN_CONST:
            if target.value == "":
                return obj
            found = dict(named_submodules(obj, True) or ()).get(target.value)
            if found is not None:
                return found
        subs = [m for m in obj.submodules() if m is not obj]
        return join_all(subs) if subs else opaque()

    def _zero_grad(self, kwargs):
        flag = kwargs.get("set_to_none")
        if flag is None or isinstance(flag, Const) and flag.value is True:
            self.state.grads = False  # the default since torch 2.0
        elif not isinstance(flag, Const):
            self.state.grads = None


MAX_NAMED = 64
MAX_LISTED = 16  # modules() listed one by one (a filtered comprehension over them runs per item)


def named_params(obj):
    """(name, parameter) pairs as ``named_parameters()`` yields them, when the modules are
    known one by one (``named_submodules``) and hold at most MAX_LISTED parameters.  A
    module's stand-in for parameters not known by name (``__params__``, see
    ``_module_params``) comes with an unknown name.  None otherwise."""
    mods = named_submodules(obj, True)
    if mods is None:
        return None
    out, seen = [], set()
    for prefix, m in mods:
        for key, v in m.attrs.items():
            if not isinstance(v, Tensor) or v.kind != "param" or id(v) in seen:
                continue  # (a parameter held twice is listed once, as torch does)
            seen.add(id(v))
            name = UNKNOWN_CONST if key == "__params__" else Const(prefix + "." + key if prefix else key)
            out.append((name, v))
            if len(out) > MAX_LISTED:
                return None
    return out or None


# values that hold no module (torch registers modules, not lists or dicts of them)
_NO_MODULE = (Tensor, Const, Dict, Func, Qual, BoundMethod, LambdaFn, Partial, ClassInfo)


def named_submodules(obj, recurse, prefix="", out=None):
    """(dotted name, module) pairs as ``named_modules()`` (``recurse``) or
    ``named_children()`` yields them, when every child is known one by one: the items of
    a Sequential or ModuleList ("0", "1", ...) and the attributes holding a module.
    None when a child is one of several or of an unknown count, or past MAX_NAMED."""
    out = [] if out is None else out
    if recurse and not prefix:
        out.append(("", obj))
    names = obj.attrs.get("__names__")
    names = names.value if isinstance(names, Const) and len(names.value) == len(obj.items or ()) else None
    children = list(zip(names, obj.items)) if names else [(str(i), m) for i, m in enumerate(obj.items or [])]
    children += [(k, v) for k, v in obj.attrs.items() if not k.startswith("__") and not (names and k in names)]
    for key, child in children:
        if not isinstance(child, Obj):
            if isinstance(child, _NO_MODULE) or isinstance(child, Seq) and \
                    (child.elem is None or isinstance(child.elem, _NO_MODULE)) and \
                    all(isinstance(i, _NO_MODULE) for i in child.items or ()):
                # parameters, buffers, settings, functions (spikingjelly's neurons hold their
                # surrogate function), lists of numbers: no modules
                continue
            return None  # a list or one of several modules: names not known one by one
        if not child.is_module:
            continue
        name = prefix + key
        out.append((name, child))
        if len(out) > MAX_NAMED:
            return None
        if recurse and named_submodules(child, True, name + ".", out) is None:
            return None
    return out


def _function_output(t, rg, args):
    """An output of a custom Function's forward: a tensor it made (not an input or a view
    of one), now carrying the Function's grad; None when it cannot say."""
    if not isinstance(t, Tensor) or t.kind != "fresh" or t.members or t.base is not None or any(
            isinstance(a, Tensor) and a.storage is t.storage for a in args):
        return None
    return Tensor(storage=t.storage, rg=rg, leaf=None if rg is None else not rg, kind="fresh", dtype=t.dtype)
