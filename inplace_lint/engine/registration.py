"""What ``nn.Module``'s ``register_*`` methods do: buffers, parameters and submodules
stored under their names, forward hooks that run around the module's forward, and
full backward hooks, which make the module's outputs views of a custom Function.

A hook is code the module runs on every call without its ``forward`` saying so: a
forward hook that zeroes small activations in place (``output.masked_fill_``) writes
the output that ``tanh`` saved, a pre-hook that scales its input in place writes what
the layer before saved.  They are kept on the module (``register_forward_hook``,
``register_forward_pre_hook``), run when it is called, and dropped by
``handle.remove()``.
"""
from __future__ import annotations

from .call_facts import registered_name
from .aliases import custom_view
from .values import UNKNOWN_CONST, Alt, Const, Obj, Seq, Tensor, Value

PRE, POST, BACK = "__forward_pre_hooks__", "__forward_hooks__", "__backward_hooks__"
_HOOKS = {"register_forward_pre_hook": PRE, "register_forward_hook": POST,
          "register_full_backward_hook": BACK, "register_full_backward_pre_hook": BACK}
METHODS = frozenset({"register_buffer", "register_parameter", "add_module", "register_module"}) | set(_HOOKS)


class HookHandle(Value):
    """What ``register_forward_hook`` returns: ``remove()`` takes the hook off again."""

    __slots__ = ("modules", "key", "fn")

    def __init__(self, modules, key, fn):
        self.modules, self.key, self.fn = modules, key, fn

    def remove(self, interp):
        for m in self.modules:
            hooks = m.attrs.get(self.key)
            if isinstance(hooks, Seq) and hooks.items is not None:
                interp.heap.set(m, self.key, Seq(items=[h for h in hooks.items if h is not self.fn]))
        return Const(None)


def register(interp, obj: Obj, name, args, node):
    """``obj.<name>(*args)`` for one of ``METHODS``."""
    if name in _HOOKS:
        key = _HOOKS[name]
        if not args:
            return Const(None)
        fn = args[0]
        # a hook put on one of several modules (``for m in model.modules(): if ...``)
        # is on each of them that the branch let through
        targets = [o for o in (obj.options if isinstance(obj, Alt) else [obj]) if isinstance(o, Obj)]
        for m in targets:
            items = _hooks(m, key)
            if not any(_same(fn, h) for h in items):  # a loop's second pass registers it again
                interp.heap.set(m, key, Seq(items=items + [fn]))
        return HookHandle(targets, key, fn)
    if name == "register_buffer" and len(args) >= 2:
        t = args[1]
        if isinstance(t, Tensor):
            t.kind = "buffer" if t.kind in ("fresh", "opaque") else t.kind
            if t.rg is None and not t.members:
                # a buffer holds state, not a graph: one made from values of unknown
                # kind (a kernel from a helper of another module) does not require grad
                t = t.copy(rg=False, leaf=True)
        key = registered_name(args[0], node)
        if key is not None:
            interp.heap.set(obj, key, t)
        return Const(None)
    if len(args) >= 2:  # register_parameter, add_module, register_module
        # add_module(f"layer{i}", m): kept under its template, found again by getattr(self, f"layer{j}")
        key = registered_name(args[0], node)
        if key is not None:
            interp.heap.set(obj, key, args[1])
        named = isinstance(args[0], Const) and args[0] is not UNKNOWN_CONST
        if named and name != "register_parameter" and obj.qual == "torch.nn.Sequential" and obj.items is not None:
            obj.items.append(args[1])  # a Sequential filled imperatively runs its modules in order
    return Const(None)


PARAMETRIZE = "torch.nn.utils.parametrize.register_parametrization"


def parametrize(interp, args, kwargs, node):
    """``register_parametrization(module, name, p)``: torch runs ``p`` on the tensor once at
    registration, to check its shape and dtype (unless ``unsafe=True``), with grad as the
    caller has it; a ``p`` that clamps its input in place writes the leaf parameter."""
    module = args[0] if args else kwargs.get("module")
    name = args[1] if len(args) > 1 else kwargs.get("tensor_name")
    p = args[2] if len(args) > 2 else kwargs.get("parametrization")
    unsafe = kwargs.get("unsafe")
    if p is None or name is None or isinstance(unsafe, Const) and unsafe.value is True:
        return module if module is not None else UNKNOWN_CONST
    for m in module.options if isinstance(module, Alt) else [module]:
        t = m.attrs.get(name.value) if isinstance(m, Obj) and isinstance(name, Const) \
            and isinstance(name.value, str) else None
        if isinstance(t, Tensor):
            interp.call(p, [t], {}, node)
    return module


def hooked(obj: Obj):
    """Whether calling ``obj`` runs hooks."""
    attrs = obj.attrs
    return (PRE in attrs or POST in attrs or BACK in attrs) and bool(
        _hooks(obj, PRE) or _hooks(obj, POST) or _hooks(obj, BACK))


def run_hooked(interp, obj: Obj, args, kwargs, node, forward):
    """``obj(*args)`` with its pre-hooks before ``forward`` and its hooks after; a hook
    that returns something other than None replaces the inputs or the output."""
    for fn in _hooks(obj, PRE):
        got = interp.call(fn, [obj, Seq(items=list(args), is_tuple=True)], {}, node)
        if _returned(got):
            args = list(got.items) if isinstance(got, Seq) and got.items is not None and got.is_tuple else [got]
    out = forward(obj, args, kwargs, node)
    for fn in _hooks(obj, POST):
        got = interp.call(fn, [obj, Seq(items=list(args), is_tuple=True), out], {}, node)
        if _returned(got):
            out = got
    if _hooks(obj, BACK) and interp.state.grad is not False:
        # a full backward hook wraps the outputs in a custom Function that returns them
        # as views: writing one in place raises (``nn.ReLU(inplace=True)`` right after)
        if isinstance(out, Tensor):
            out = custom_view(out)
        elif isinstance(out, Seq) and out.items is not None:
            out = Seq(items=[custom_view(o) if isinstance(o, Tensor) else o for o in out.items], is_tuple=out.is_tuple)
    return out


def _hooks(obj, key):
    v = obj.attrs.get(key)
    if not isinstance(v, Seq):
        return []
    if v.items is not None:
        return list(v.items)
    return [v.elem] if v.elem is not None else []  # lists joined at a branch or loop


def _same(a, b):
    """The same function (``self._hook`` makes a new bound method at each access)."""
    return a is b or getattr(a, "node", None) is not None and getattr(a, "node", None) is getattr(b, "node", 0) \
        and getattr(a, "bound", None) is getattr(b, "bound", None)


def _returned(v):
    return v is not None and not (isinstance(v, Const) and v.value is None and v is not UNKNOWN_CONST)
