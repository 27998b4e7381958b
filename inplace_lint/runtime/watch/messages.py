"""Words of a report: op names as the user wrote them, parameter names, the
fix to suggest, and torch's own error text."""
from __future__ import annotations

import re
import sys

import torch

from . import frames

# aten names whose user-facing spelling differs
_PUBLIC = {
    "_softmax": "softmax",
    "_log_softmax": "log_softmax",
    "_to_copy": "to",
    "_unsafe_view": "view",
    "_reshape_alias": "reshape",
    "_unsafe_index": "x[...]",
    "native_layer_norm": "layer_norm",
    "native_batch_norm": "batch_norm",
    "_native_batch_norm_legit": "batch_norm",
    "_native_batch_norm_legit_no_training": "batch_norm",
    "native_group_norm": "group_norm",
    "native_dropout": "dropout",
    "_fused_dropout": "dropout",
    "_scaled_dot_product_flash_attention_for_cpu": "scaled_dot_product_attention",
    "_scaled_dot_product_efficient_attention": "scaled_dot_product_attention",
    "_scaled_dot_product_flash_attention": "scaled_dot_product_attention",
    "_efficient_attention_forward": "scaled_dot_product_attention",
    "index": "x[...]",
    "_unsafe_chunk": "chunk",
    "unsafe_chunk": "chunk",
    "unsafe_split": "split",
}

_AUGMENTED = {"mul_": "*=", "add_": "+=", "sub_": "-=", "div_": "/=", "pow_": "**=",
              "floor_divide_": "//=", "remainder_": "%=", "bitwise_and_": "&=",
              "bitwise_or_": "|=", "bitwise_xor_": "^="}
SETITEM = "`x[...] = v`"
_SETITEM = re.compile(r"\]\s*=(?!=)")
_SETITEM_OPS = ("index_put_", "copy_", "fill_", "masked_fill_", "_index_put_impl_",
                "masked_scatter_", "index_copy_", "index_fill_")


def aten_name(func) -> str:
    if func is None:
        return "?"
    try:
        return func._overloadpacket.__name__
    except AttributeError:
        return str(func)


def op_name(func) -> str:
    """The name a user would recognise for an op that saved a tensor."""
    name = aten_name(func)
    return _PUBLIC.get(name, name)


def write_name(func, source: str) -> str:
    """The name of a writing op as the source line spells it: ``*=`` for
    ``mul_`` when the line says ``*=``, ``x[...] = v`` for ``index_put_``."""
    name = aten_name(func)
    aug = _AUGMENTED.get(name)
    if aug and aug in source:
        return "`%s`" % aug
    if name in _SETITEM_OPS and _SETITEM.search(source) and "." + name + "(" not in source:
        return SETITEM
    if name.startswith("_") and name.endswith("_") and name != "_":
        return name.lstrip("_")
    return name


def node_label(node_name):
    """torch's name of a grad_fn in its own messages ("Sigmoid" for
    SigmoidBackward0)."""
    if not node_name:
        return node_name
    return re.sub(r"Backward\d*$", "", node_name) or node_name


def torch_version_error(t, saved_version, grad_fn_name, output_nr) -> str:
    """The message torch raises when a saved tensor's version changed, with
    the versions torch itself would report."""
    which = ""
    if grad_fn_name:
        which = ", which is output %d of %s," % (output_nr, node_label(grad_fn_name))
    return (
        "one of the variables needed for gradient computation has been "
        "modified by an inplace operation: [%s %s]%s is at version %d; "
        "expected version %d instead. Hint: the InplaceHazardWarning "
        "(inplace-lint watch) names the line that saved the tensor and the "
        "line that modified it."
        % (t.type(), list(t.shape), which, t._version, saved_version)
    )


# ------------------------------------------------------------ parameter names


def _storage_ptr(t):
    try:
        return t.untyped_storage().data_ptr()
    except Exception:  # sparse, meta, exotic subclasses
        return 0


def param_name(t, start=None):
    """``(name, exact)`` if ``t`` is a parameter (or buffer) of an
    ``nn.Module`` held by a variable in one of the frames on the stack -- or a
    view of one (``exact`` False) -- e.g. ``("model.classifier.3.weight",
    True)``; else None.  Only called when a report is made."""
    if t is None:
        return None
    ptr = _storage_ptr(t)
    if not ptr:
        return None
    f = start if start is not None else sys._getframe(1)
    seen_mods = set()
    seen_globals = set()
    Module = torch.nn.Module
    while f is not None:
        spaces = []
        if frames.classify(f.f_code.co_filename) != frames.INTERNAL:
            spaces.append(f.f_locals)
            if id(f.f_globals) not in seen_globals:
                seen_globals.add(id(f.f_globals))
                spaces.append(f.f_globals)
        for space in spaces:
            for var, obj in _modules_in(space, Module):
                if id(obj) in seen_mods:
                    continue
                seen_mods.add(id(obj))
                try:
                    named = list(obj.named_parameters()) + list(obj.named_buffers())
                except Exception:  # a half-built module: not ours to judge
                    continue
                for pname, p in named:
                    if _storage_ptr(p) == ptr:
                        exact = (
                            p.shape == t.shape
                            and p.stride() == t.stride()
                            and p.storage_offset() == t.storage_offset()
                        )
                        return "%s.%s" % (var, pname), exact
        f = f.f_back
    return None


def _modules_in(space, Module):
    """(name, module) for the modules in a namespace, then for those one
    attribute away (``self.model`` of a trainer object)."""
    items = list(space.items())
    later = []
    for var, obj in items:
        if isinstance(obj, Module):
            yield var, obj
        elif not isinstance(obj, (type, type(sys))) and hasattr(obj, "__dict__"):
            later.append((var, obj))
    for var, obj in later:
        try:
            attrs = list(vars(obj).items())
        except TypeError:
            continue
        for attr, val in attrs:
            if isinstance(val, Module):
                yield "%s.%s" % (var, attr), val


# ---------------------------------------------------------------------- fixes


def fix_for_write(wname: str, source: str, *, grad_off: bool, is_param: bool,
                  through_data: bool) -> str:
    """The fix the static rule would suggest for a write to a saved tensor."""
    if is_param or grad_off:
        return (
            "fix: call backward() on the graph (and step()) before updating the "
            "tensor, then update it under `torch.no_grad()`; or recompute the "
            "forward pass after the update"
        )
    if through_data:
        return (
            "fix: do not write through `.data`; use the out-of-place form, or "
            "`.clone()` the tensor before modifying it"
        )
    m = re.search(r"(\w+)\s*(\*\*|//|[-+*/%&|^@])=(?!=)", source)
    if wname.endswith("=`") and wname != SETITEM and m:
        name, op = m.group(1), m.group(2)
        return "fix: use the out-of-place form `%s = %s %s ...`" % (name, name, op)
    m = re.search(r"([\w.\]\[]+)\.(\w+)_\(", source)
    if m and not m.group(1).endswith(".data"):
        var, meth = m.group(1), m.group(2)
        return "fix: use the out-of-place form `%s = %s.%s(...)`, or `.clone()` %s before it" % (
            var, var, meth, var)
    if wname == SETITEM:
        return "fix: `.clone()` the tensor before assigning into it (`x = x.clone()`)"
    if "inplace=True" in source or "inplace = True" in source:
        return "fix: use inplace=False"
    return "fix: use the out-of-place form of %s, or `.clone()` the tensor before it" % wname
