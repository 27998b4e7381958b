"""Dtype classes of op results: floating (may require grad), integral, or unknown.

Only floating point and complex tensors can require grad.  An integral or bool
tensor (an index, a mask, a count) never does and has no graph, so a save made
only for its sake cannot happen and a backward cannot reach through it.  The
engine keeps one of three classes per tensor: "float", "int" or None.
"""
from __future__ import annotations

import re

import libcst as cst

from .graph import link
from .guards import only_from
from .values import UNKNOWN_CONST, Const, Qual, Seq, Tensor, result_tensor

_INT_NAMES = {"long", "int", "int64", "int32", "int16", "int8", "uint8", "uint16", "uint32", "uint64", "short",
              "bool", "char", "byte"}
_FLOAT_NAMES = {"float", "float32", "float64", "double", "half", "float16", "bfloat16", "complex64", "complex128",
                "cfloat", "cdouble", "chalf", "complex32"}

# ops whose result is integral or bool whatever the inputs
INT_RESULT_OPS = {
    "argmax", "argmin", "argsort", "argwhere", "nonzero", "searchsorted", "bucketize", "randint", "randint_like",
    "randperm", "count_nonzero", "bincount", "tril_indices", "triu_indices", "isnan", "isinf", "isfinite",
    "isposinf", "isneginf", "isreal", "isclose", "signbit", "logical_and", "logical_or", "logical_not",
    "logical_xor", "eq", "ne", "lt", "le", "gt", "ge", "greater", "greater_equal", "less", "less_equal",
    "not_equal", "isin", "long", "int", "bool", "byte", "short", "char", "all", "any", "nonzero_static", "one_hot",
}
FLOAT_RESULT_OPS = {"float", "double", "half", "bfloat16", "rand", "randn", "rand_like", "randn_like", "linspace",
                    "logspace", "normal"}
# ops whose result has the dtype of their first tensor input
SAME_DTYPE_OPS = {
    "clone", "gather", "index_select", "take", "take_along_dim", "cat", "concat", "concatenate", "stack",
    "flatten", "repeat", "repeat_interleave", "expand", "expand_as", "squeeze", "unsqueeze", "view", "reshape",
    "permute", "transpose", "t", "contiguous", "flip", "roll", "narrow", "select", "masked_select", "tile",
    "__getitem__", "unfold", "movedim", "clamp", "clip", "neg", "abs", "add", "sub", "mul", "remainder",
    "floor_divide", "masked_fill", "zeros_like", "ones_like", "empty_like", "full_like", "cpu", "cuda",
    "sum", "cumsum", "prod", "cumprod", "unique", "unique_consecutive", "diff", "detach", "to", "type_as",
}
# arithmetic whose result is floating when any operand is a Python float
FLOAT_PROMOTING_OPS = {"add", "sub", "rsub", "mul", "div", "true_divide", "remainder", "fmod", "pow",
                       "float_power", "neg"}
FACTORIES_FLOAT_DEFAULT = {"zeros", "ones", "empty", "eye", "empty_strided"}


def dtype_class(v):
    """The class of a dtype argument: torch.long -> "int", torch.float16 -> "float", else None."""
    if isinstance(v, Qual) and v.name.startswith("torch."):
        short = v.name[len("torch."):]
        if short in _INT_NAMES:
            return "int"
        if short in _FLOAT_NAMES:
            return "float"
    if isinstance(v, Const) and isinstance(v.value, str):
        if v.value in _INT_NAMES or v.value.startswith("torch.") and v.value[6:] in _INT_NAMES:
            return "int"
    return None


def _int_const(v):
    return isinstance(v, Const) and isinstance(v.value, int) and not isinstance(v.value, bool)


def result_dtype(name, args, kwargs):
    """The dtype class of ``name(*args, **kwargs)`` (an op or method; args include the receiver)."""
    short = name.rsplit(".", 1)[-1]
    explicit = kwargs.get("dtype")
    if explicit is not None:
        return dtype_class(explicit)
    if short in ("to", "type"):
        for a in args[1:]:
            c = dtype_class(a)
            if c is not None:
                return c
            if isinstance(a, Tensor):
                return a.dtype  # .to(other): other's dtype
    if short in INT_RESULT_OPS:
        return "int"
    if short in FLOAT_RESULT_OPS:
        return "float"
    if short == "arange":
        nums = [a for a in args if not isinstance(a, Tensor)]
        if nums and all(_int_const(a) for a in nums):
            return "int"
        if any(isinstance(a, Const) and isinstance(a.value, float) for a in nums):
            return "float"
        return None
    if short == "full" and len(args) >= 2:
        fill = args[1]
        if isinstance(fill, Const) and isinstance(fill.value, (bool, int)):
            return "int"
        if isinstance(fill, Const) and isinstance(fill.value, float):
            return "float"
        return None
    if short in FACTORIES_FLOAT_DEFAULT:
        return "float"
    if short in FLOAT_PROMOTING_OPS and any(isinstance(a, Const) and type(a.value) is float for a in args):
        return "float"  # a tensor (or number) of any dtype with a Python float: floating
    if short in SAME_DTYPE_OPS:
        tensors = [a for a in args if isinstance(a, Tensor)]
        if tensors and all(t.dtype == "int" for t in tensors):
            if short in ("add", "sub", "mul", "remainder", "floor_divide", "clamp", "clip"):
                # int with a Python float promotes
                if any(isinstance(a, Const) and isinstance(a.value, float) for a in args):
                    return "float"
            return "int"
        if tensors and any(t.dtype == "float" for t in tensors):
            return "float"
    return None


def tuple_outputs(result, spec, bound, tensors):
    """The parts of a call that returns a tuple of tensors (the knowledge's "outputs", see
    knowledge_gen/outputs.py), each with its own fate: ``std, mean = torch.std_mean(w)``
    is the result StdMean keeps (its "result") and a new tensor; ``values, indices =
    x.max(dim)`` a new tensor and the integral indices Max keeps ("result1").  Only when
    the call surely returns the tuple: torch.max(x) and max(x, y) return one tensor."""
    n = spec.get("outputs")
    if not n or not isinstance(result, Tensor) or result.outputs is not None:
        return
    when = spec.get("outputs_when")
    if when and not any(_given(bound.get(p)) for p in when):
        return
    ints = spec.get("int_outputs") or ()
    parts = [result]
    for j in range(1, n):
        if f"result{j}" in ints:
            parts.append(Tensor(rg=False, leaf=True, kind="fresh", dtype="int"))
            continue
        part = Tensor(rg=result.rg, leaf=result.leaf, kind=result.kind, node=result.node, dtype=result.dtype)
        link(part, tensors)
        parts.append(part)
    result.outputs, result.out_fields = parts, spec.get("output_fields")


def _given(v):
    """A value in a parameter that picks the tuple (max's dim, max_pool2d's return_indices):
    a number or a tuple of dims, not a tensor (max(x, y)), None or False.  A value of unknown
    type (``x.max(dim=dim)``, dim an argument) is most likely a dim."""
    if isinstance(v, Const):
        return v is UNKNOWN_CONST or v.value is not None and v.value is not False
    if isinstance(v, Tensor):
        return v.kind in ("arg", "opaque") and not v.members and v.dtype != "float" and v.rg is not True
    return isinstance(v, Seq)


def type_result(result, name, args, kwargs, qual=None, amp=1):
    """``result`` (of op ``name``) with its dtype class;
    ``amp``: > 0 where ops may compute in a lower precision (no float32 facts)."""
    if not isinstance(result, Tensor):
        return result
    d = result_dtype(name, args, kwargs)
    first = args[0] if args and isinstance(args[0], Tensor) else None
    if result.storage.f32 is None and not result.storage.saves and not any(
            isinstance(a, Tensor) and a.storage is result.storage for a in args):
        result.storage.f32 = width(name, args, kwargs, qual) if not amp else None
    elif name == "view" and any(is_dtype(a) for a in args[1:]):
        result.storage.f32 = None  # x.view(torch.int32): the same memory read as another dtype
    if first is not None and result.base is first and result.storage is first.storage:
        # a view or a maybe-alias keeps its base's dtype, unless it converts
        if first.dtype == "int" and d == "float" and not result.alias_certain:
            return Tensor(rg=False, leaf=True, kind="fresh", dtype="float")
        if result.dtype is None:
            result.dtype = first.dtype
    elif d is not None:
        result.dtype = d
        if d == "int":
            result.rg, result.leaf = False, True
    return result


# creation ops whose positional arguments are sizes, and the size parameters of torch's layers:
# what is passed there is an int (a floating tensor is refused), never a tensor that needs grad
SIZED_CREATION_OPS = {"zeros", "ones", "empty", "rand", "randn", "randperm", "eye"}
SIZE_PARAMS = {"in_features", "out_features", "in_channels", "out_channels", "num_features", "num_embeddings",
               "embedding_dim", "input_size", "hidden_size", "num_channels", "num_groups", "embed_dim", "num_heads",
               "d_model", "nhead", "dim_feedforward", "in1_features", "in2_features"}


# the parameters of torch functions that take sizes, paddings and shapes (ints, tuples of ints)
SIZE_ARGUMENTS = {"pad", "size", "shape", "sizes", "repeats", "output_size", "kernel_size", "stride", "padding",
                  "dilation", "output_padding"}
_UNSEEN = ("arg", "input", "opaque")  # values of unknown origin (a parameter, what the engine cannot see into)


def size_evidence(v):
    """``v`` was passed where torch takes a size: a parameter of unknown kind is an int (an
    integral tensor at most), and so is what the engine cannot see into (``width =
    self.combiner.dim_out + dim``): a floating tensor is refused as a size."""
    if not isinstance(v, Tensor) or v.rg is not None:
        return
    if v.kind in _UNSEEN and not v.members:
        v.rg, v.leaf, v.dtype = False, True, "int"
        # what an op computed from it alone before (``self.scale = dim ** 0.5`` ahead of
        # ``torch.ones(dim)``) recorded nothing: such saves never happened
        if v.storage.saves:
            memo = {}
            v.storage.saves[:] = [s for s in v.storage.saves
                                  if not (isinstance(s.out, Tensor) and only_from(s.out, {id(v)}, memo))]


# --- float32 or not ------------------------------------------------------------------------
# ``t.float()``, ``t.to(torch.float32)`` and ``t.type(torch.float32)`` return ``t`` itself when
# it already is float32 and a converted copy otherwise.  The "float" class above cannot tell,
# so each version counter also carries ``Storage.f32``: True where torch makes float32 certain
# (a factory under the default dtype, ``.float()``, float ops and torch layers applied to
# float32 values), False where it certainly is some other dtype, None where unknown.  Views and
# aliases share the storage and so the fact; a new result gets its own.

# something in the file makes the default dtype or the precision of whole functions unknown:
# factories may not make float32, decorated functions may run under autocast
_WIDTHS_UNKNOWN = re.compile(r"set_default_dtype|set_default_tensor_type|custom_fwd|@\s*[\w.]*autocast")
# a context manager whose name speaks of precision: it may be an autocast in disguise
AMP_LIKE_NAME = re.compile(r"autocast|amp|precision|mixed|fp16|bf16|half", re.IGNORECASE)

F32_NAMES = {"torch.float", "torch.float32"}
# made float32 under the default dtype, when no dtype= says otherwise
F32_FACTORIES = {"zeros", "ones", "empty", "eye", "empty_strided", "rand", "randn", "linspace", "logspace"}
# dtype-keeping ops whose result may be of another dtype than their float32 inputs
# (complex results, conversions, quantization, ops whose positional arguments may name a dtype)
_WIDTH_CHANGING = {"stft", "istft", "view_as_complex", "view_as_real", "complex", "polar", "real", "imag",
                   "to", "type", "type_as", "view", "dequantize", "int_repr", "frexp", "result_type",
                   "to_sparse", "to_dense", "tensor", "as_tensor", "asarray", "from_numpy", "full", "arange",
                   "normal", "bernoulli", "multinomial", "poisson", "cartesian_prod"}
_WIDTH_CHANGING_MODULES = ("torch.fft.", "torch.linalg.", "torch.sparse.", "torch.ao.", "torch.quantization.")
_LIKE = {"zeros_like", "ones_like", "empty_like", "full_like", "rand_like", "randn_like"}
_OTHER_FLOATS = {"double", "half", "bfloat16"}


def widths_known(source):
    """False when ``source`` (a module's text) changes the default dtype or decorates
    functions with autocast: then no value is taken for float32 on the engine's word."""
    return not (source and _WIDTHS_UNKNOWN.search(source))


def is_dtype(v):
    return isinstance(v, Qual) and v.name.startswith("torch.") and dtype_class(v) is not None


def conversion_target(name, args, kwargs):
    """For a conversion method: True (to float32), False (to another dtype), None (not a
    conversion, or to an unknown dtype)."""
    if name == "float":
        return True
    if name in _OTHER_FLOATS:
        return False
    if name in ("to", "type"):
        ds = [a for a in list(args) + [kwargs.get("dtype")] if is_dtype(a)]
        if len(ds) == 1:
            return ds[0].name in F32_NAMES
    return None


def conversion_alias(t, name, args, kwargs, to_aliases):
    """Whether the conversion ``t.name(*args, **kwargs)`` returns ``t`` itself: True, False or
    None (unknown).  float32 to float32 is the tensor itself, any other change of dtype a copy;
    ``to_aliases`` judges what ``.to()`` is asked besides a dtype (a device)."""
    target = conversion_target(name, args, kwargs)
    known = target is not None and t.storage.f32 is not None  # whether the dtype changes
    if known and not (target is True and t.storage.f32 is True):
        return False
    if name != "to":
        return True
    return to_aliases([a for a in args if not (known and is_dtype(a))]
                      + [v for k, v in kwargs.items() if k == "device" or k == "dtype" and not known])


def convert(interp, t, name, args, kwargs, node):
    """``t.to(...)``, ``t.float()`` and the like: ``t`` itself, a new tensor, ``t`` maybe
    (see Tensor.maybe_alias), or None when not decided here."""
    alias = conversion_alias(t, name, args, kwargs, _to_aliases)
    if t.dtype == "int" and any(dtype_class(a) == "float" for a in list(args) + [kwargs.get("dtype")]):
        alias = False  # an integral tensor converted to floating point is a copy
    if alias is True and name == "to":
        alias = _dtype_like(interp, t, node)
    copy = kwargs.get("copy")
    if isinstance(copy, Const) and copy is not UNKNOWN_CONST and copy.value is True:
        alias = False  # copy=True: always a new tensor
    elif copy is not None and not (isinstance(copy, Const) and copy.value is False) and alias is True:
        alias = None
    if alias is True:
        return t
    if alias is None:
        return t.maybe_alias("." + name + "()")
    if alias is False:
        out = type_result(result_tensor(interp._out_rg([t])), name, [t] + list(args), kwargs, amp=0)
        link(out, [t])
        return out
    return None


def _dtype_like(interp, t, node):
    """``t.to(v.dtype)``: a copy where one of ``t`` and ``v`` surely is float32 and the
    other surely is not; where that is not known, unknown inside a region that may
    autocast (``v`` may be bfloat16 there: ``softmax(s, dtype=torch.float32).to(v.dtype)``)
    and ``t`` itself outside one (the dtype the code computes in throughout)."""
    for a in (node.args if type(node) is cst.Call else ()):
        v = interp.dtype_of.get(id(a.value)) if type(a.value) is cst.Attribute else None
        if v is None or v.storage is t.storage:
            continue
        if v.storage.f32 is not None and t.storage.f32 is not None:
            if v.storage.f32 is not t.storage.f32:
                return False
        elif interp.amp:
            return None
    return True


def _to_aliases(targets):
    """Whether ``t.to(*targets)`` returns ``t`` itself: True, False, or None (unknown)."""
    verdict = True
    for a in targets:
        if isinstance(a, Qual) and a.name.startswith("torch.") and a.name not in ("torch.device",):
            if a.name not in F32_NAMES:
                return False  # another dtype: a converted copy
            verdict = None
        elif isinstance(a, Const):
            if isinstance(a.value, str) and not a.value.startswith("cpu"):
                return False  # "cuda": a copy on another device
        elif isinstance(a, Tensor) and a.kind not in ("arg", "opaque"):
            verdict = None  # .to(other_tensor): depends on its dtype
        elif not isinstance(a, Const):
            verdict = None
    return verdict


def layer_width(x, amp):
    """Whether a torch layer applied to ``x`` makes float32: it computes in its input's dtype
    (weights of another dtype raise), unless autocast may be on."""
    return True if isinstance(x, Tensor) and x.storage.f32 and not amp else None


def _f32(v):
    return isinstance(v, Tensor) and v.storage.f32


def width(name, args, kwargs, qual=None):
    """Whether ``name(*args, **kwargs)`` (a torch op; args include the receiver) makes float32."""
    short = name.rsplit(".", 1)[-1]
    explicit = kwargs.get("dtype")
    if explicit is not None:
        return explicit.name in F32_NAMES if is_dtype(explicit) else None
    if short in INT_RESULT_OPS or short in _OTHER_FLOATS:
        return False
    if short == "float":
        return True
    tensors = [a for a in args if isinstance(a, Tensor)]
    if short in F32_FACTORIES and not tensors:
        return True
    if short in _LIKE:
        return _f32(args[0]) if args else None
    if short in _WIDTH_CHANGING or (qual or "").startswith(_WIDTH_CHANGING_MODULES) or short.startswith("fft"):
        return None
    # a float op of float32 tensors and Python numbers (which never widen a tensor's dtype)
    others_ok = all(isinstance(a, Tensor) or isinstance(a, Const) and type(a.value) in (int, float, bool, str)
                    or a is None for a in list(args) + list(kwargs.values()))
    if tensors and others_ok and all(t.storage.f32 is True for t in tensors):
        return True
    # floating tensors all of another dtype (float64, half) and Python numbers: torch's
    # promotion keeps the result in one of their dtypes, never float32 (an int tensor would
    # promote to the default dtype, hence the known "float" class)
    if tensors and others_ok and all(t.storage.f32 is False and t.dtype == "float" for t in tensors):
        return False
    return None


# --- the parameters of torch's layers ------------------------------------------------------
# A layer built without ``dtype=`` under the default dtype has float32 parameters until the
# module is converted: ``model.half()``, ``.double()``, ``.bfloat16()``, ``.float()``,
# ``.to(torch.float16)``.  ``.to(device)`` keeps the dtype; an argument the engine cannot
# read keeps it too unless its name speaks of a dtype (``model.to(weight_dtype)``).
_MODULE_CONVERSIONS = {"float": True, "double": False, "half": False, "bfloat16": False}
_DTYPE_NAME = re.compile(r"dtype|precision|half|float|fp16|bf16|bfloat", re.IGNORECASE)


def built_width(dtype_arg, known):
    """float32 fact of the parameters of a torch layer built with ``dtype=dtype_arg`` (None:
    not passed); ``known``: the file keeps the default dtype (widths_known)."""
    if not known:
        return None
    if dtype_arg is None or isinstance(dtype_arg, Const) and dtype_arg is not UNKNOWN_CONST \
            and dtype_arg.value is None:
        return True
    return dtype_arg.name in F32_NAMES if is_dtype(dtype_arg) else None


def module_width(name, args, kwargs, texts):
    """What ``module.name(*args, **kwargs)`` makes of its floating parameters: True (float32),
    False (another dtype), None (unknown), or "same" (their dtype is kept).  ``texts``: the
    code of the positional arguments."""
    if name in _MODULE_CONVERSIONS:
        return _MODULE_CONVERSIONS[name]
    if name not in ("to", "type"):
        return "same"
    if "dtype" in kwargs:
        d = kwargs["dtype"]
        return d.name in F32_NAMES if is_dtype(d) else None
    for a, text in zip(args, list(texts) + [""] * len(args)):
        if is_dtype(a):
            return a.name in F32_NAMES
        if isinstance(a, Tensor) and a.kind not in ("arg", "opaque") or _DTYPE_NAME.search(text or ""):
            return None  # ``.to(other)``: other's dtype
    return "same"


def convert_module(obj, fact):
    """Set the float32 fact of the floating parameters and buffers of ``obj`` and its
    submodules (see module_width)."""
    if fact == "same":
        return
    for m in obj.submodules():
        for v in m.attrs.values():
            if isinstance(v, Tensor) and v.kind in ("param", "buffer") and v.dtype != "int":
                v.storage.f32 = fact
