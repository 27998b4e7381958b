"""Dtype classes of op results: floating (may require grad), integral, or unknown.

Only floating point and complex tensors can require grad.  An integral or bool
tensor (an index, a mask, a count) never does and has no graph, so a save made
only for its sake cannot happen and a backward cannot reach through it.  The
engine keeps one of three classes per tensor: "float", "int" or None.
"""
from __future__ import annotations

from .values import Const, Qual, Tensor

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
    "not_equal", "isin", "long", "int", "bool", "byte", "short", "char", "all", "any", "nonzero_static",
}
FLOAT_RESULT_OPS = {"float", "double", "half", "bfloat16", "rand", "randn", "rand_like", "randn_like", "linspace",
                    "logspace", "normal"}
# ops that return (values, indices); the indices are integral.  The first set
# always does, the second only when a dim is given (``torch.max(x)`` is one tensor)
PAIR_OPS = {"sort", "topk", "kthvalue", "mode", "cummax", "cummin", "aminmax"}
PAIR_WITH_DIM_OPS = {"max", "min", "median", "nanmedian"}
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


def pair_op(name, args, kwargs):
    short = name.rsplit(".", 1)[-1]
    if short in PAIR_OPS:
        return True
    if short in PAIR_WITH_DIM_OPS:
        return "dim" in kwargs or (len(args) >= 2 and isinstance(args[1], Const))
    return False


def type_result(result, name, args, kwargs):
    """``result`` (of op ``name``) with its dtype class and, for (values, indices) ops, its outputs."""
    if not isinstance(result, Tensor):
        return result
    d = result_dtype(name, args, kwargs)
    first = args[0] if args and isinstance(args[0], Tensor) else None
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
    if pair_op(name, args, kwargs):
        result.outputs = [result, Tensor(rg=False, leaf=True, kind="fresh", dtype="int")]
    return result


# creation ops whose positional arguments are sizes, and the size parameters of torch's layers:
# what is passed there is an int (a floating tensor is refused), never a tensor that needs grad
SIZED_CREATION_OPS = {"zeros", "ones", "empty", "rand", "randn", "randperm", "eye"}
SIZE_PARAMS = {"in_features", "out_features", "in_channels", "out_channels", "num_features", "num_embeddings",
               "embedding_dim", "input_size", "hidden_size", "num_channels", "num_groups", "embed_dim", "num_heads",
               "d_model", "nhead", "dim_feedforward", "in1_features", "in2_features"}


def size_evidence(v):
    """``v`` was passed where torch takes a size: a parameter of unknown kind is an int."""
    if isinstance(v, Tensor) and v.kind == "arg" and v.rg is None and not v.members:
        v.rg, v.leaf, v.dtype = False, True, "int"
