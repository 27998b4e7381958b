"""The rank (number of dimensions) of op results, where it is cheap and certain.

A helper that branches on ``if a.ndim < 2:`` returns what one branch saved only
when its argument can be 1-D; a caller passing ``torch.triu(a.mm(a.t()))`` (a
matrix: ``mm`` refuses anything else) rules that branch out.  The engine keeps a
tensor's rank (``Tensor.rank``: an int, or None when unknown) for a few ops
only: the matrix products, which fix it; transposes and triangles, which keep
it; and elementwise ops, whose result has the larger rank of their operands
(broadcasting) when every tensor operand's rank is known.  Everything else
leaves it unknown, and an unknown rank decides no test.
"""
from __future__ import annotations

import libcst as cst

from .layout import SWAPS, swapped_dims
from .values import UNKNOWN_CONST, Const, Starred, Tensor

# ops whose result has a fixed rank whatever their (valid) operands
FIXED_RANK = {"eye": 2, "mm": 2, "bmm": 3, "mv": 1, "outer": 2, "ger": 2, "dot": 0, "vdot": 0, "addmm": 2}
# factories whose positional arguments are the sizes (``torch.randn(4, 3)``)
FACTORIES = {"randn", "rand", "zeros", "ones", "empty"}
# ops whose result has the rank of their first operand
SAME_RANK = {"t", "transpose", "swapdims", "swapaxes", "triu", "tril", "contiguous", "clone", "detach",
             "float", "double", "half", "bfloat16", "to", "type_as", "neg", "abs", "sqrt", "rsqrt", "exp",
             "log", "sigmoid", "tanh", "relu", "sign", "reciprocal", "square", "sin", "cos", "softmax",
             "log_softmax", "flip", "roll", "nan_to_num"}
# elementwise ops of two operands: broadcasting gives the larger rank
# (and clamp, whose tensor bounds broadcast too)
BROADCAST = {"add", "sub", "rsub", "mul", "div", "true_divide", "pow", "maximum", "minimum", "fmod",
             "remainder", "atan2", "hypot", "clamp", "clip", "clamp_min", "clamp_max"}
# in-place ops that change the rank of the tensor they write (``x.unsqueeze_(0)``);
# any other in-place op keeps its shape (arithmetic cannot broadcast its target up)
RESHAPING_INPLACE = {"squeeze_", "unsqueeze_", "resize_", "resize_as_", "as_strided_", "set_", "flatten_"}


def result_rank(name, args, kwargs):
    """The rank of ``name(*args, **kwargs)`` (an op or method; args include the receiver), or None."""
    short = name.rsplit(".", 1)[-1]
    if any(isinstance(a, Starred) for a in args):
        return None  # ``torch.zeros(b, *rest)``: how many, unknown
    tensors = [a for a in list(args) + list(kwargs.values()) if isinstance(a, Tensor)]
    if short in FIXED_RANK:
        return FIXED_RANK[short]
    if short == "matmul" and len(tensors) == 2:
        a, b = (t.rank for t in tensors)
        if a is None or b is None or a == 0 or b == 0:
            return None
        if a == 1 or b == 1:
            return a + b - 2  # the 1-D operand's dimension is contracted away
        return max(a, b)
    if short in FACTORIES and args and not tensors:
        return _size_rank(args)
    if short in BROADCAST and tensors and \
            all(isinstance(a, (Tensor, Const)) for a in list(args) + list(kwargs.values())):
        ranks = [t.rank for t in tensors]
        return None if None in ranks else max(ranks)
    if short in SAME_RANK and args and isinstance(args[0], Tensor):
        return args[0].rank
    return None


def _size_rank(args):
    """The rank a factory's size arguments give: ``(3, 4)``, ``(n, m)``, ``(n,)`` with n a
    known int.  A single argument of unknown value may be a whole shape (``x.size()``)."""
    if not all(isinstance(a, Const) for a in args):
        return None
    if len(args) == 1 and not (args[0] is not UNKNOWN_CONST and type(args[0].value) is int):
        return None
    return len(args)


def rank_result(result, name, args, kwargs):
    """Give ``result`` (of op ``name``, a new tensor) its rank when known, and to a swap of
    two dimensions its layout (swapped_last_two, layout.swapped_dims)."""
    if isinstance(result, Tensor) and not result.members and all(result is not a for a in args):
        result.rank = result_rank(name, args, kwargs)
        swapped_last_two(result, name, args, kwargs)
        swapped_dims(result, name, args, kwargs)
    return result


def swapped_last_two(result, name, args, kwargs):
    """``k.transpose(-2, -1)`` of a tensor laid out in order (not itself a transposing view):
    batched matmul folds its batch dimensions by a view of it (measured: q @ k.transpose(-2, -1)
    keeps k itself for 3-D and 4-D operands of the same batch shape), not a reshaped copy as
    of other transposes.  Marked "last2" (Tensor.noncontig); .mT/.mH are marked in _view_of."""
    short = name.rsplit(".", 1)[-1]
    if short not in SWAPS or result.noncontig is not True or not args or not isinstance(args[0], Tensor) \
            or args[0].noncontig:
        return
    dims = list(args[1:3]) + [kwargs.get(k) for k in SWAPS[short][len(args[1:3]):]]
    if len(dims) != 2 or not all(isinstance(d, Const) and type(d.value) is int for d in dims):
        return
    rank = args[0].rank
    ends = {-2, -1} if rank is None else {rank - 2, rank - 1}
    if {d.value if d.value >= 0 or rank is None else d.value + rank for d in dims} == ends:
        result.noncontig = "last2"


def folded_as_is(t, op, what, spec, bound):
    """Whether matmul or linear (``op``) keeps ``t``, a transposing view passed as its
    parameter ``what``, itself rather than a reshaped copy (measured with torch): a
    transposed matrix (.T, "2d") always; a swap of the last two dimensions ("last2") where
    no folding copies it.  Batched matmul folds the batch dimensions of its second operand
    by a view (q @ k.transpose(-2, -1)), unless broadcasting expands it to the first
    one's larger rank; its first operand is folded into a copy when the second is a matrix
    or a vector, and so is linear's input of three or more dimensions."""
    if t.noncontig == "2d" or t.noncontig == "last2" and t.rank == 2:
        return True
    if t.noncontig != "last2":
        return False
    params = spec.get("params") or []
    first = bool(params) and what == params[0]
    others = [v for k, v in bound.items() if k != what and k in params[:2] and isinstance(v, Tensor)]
    rank = others[0].rank if len(others) == 1 else None
    if op.rsplit(".", 1)[-1].rstrip("_") != "matmul":
        return not first  # linear's weight: a matrix
    if first:  # a batch by a batch of at most its rank (bmm of a view), known
        return rank is not None and rank >= 3 and (t.rank >= rank if t.rank is not None else rank == 3)
    return t.rank is None or t.rank <= 2 or rank is None or rank <= t.rank


def after_inplace(t, name):
    """``t`` was written in place by op ``name``: its rank is unknown if the op reshapes it."""
    if isinstance(t, Tensor) and name in RESHAPING_INPLACE:
        t.rank = None


def rank_in_test(node, lookup):
    """The rank a test reads of a tensor named by a plain name, when that is known:
    ``x.ndim``, ``x.dim()``, ``x.ndimension()``, ``len(x.shape)``, ``len(x.size())``.
    None for anything else."""
    name = None
    if type(node) is cst.Attribute and node.attr.value == "ndim":
        name = node.value
    elif type(node) is cst.Call and not node.args and type(node.func) is cst.Attribute and \
            node.func.attr.value in ("dim", "ndimension"):
        name = node.func.value
    elif type(node) is cst.Call and type(node.func) is cst.Name and node.func.value == "len" and \
            lookup("len") is None and len(node.args) == 1 and not node.args[0].star:
        arg = node.args[0].value
        if type(arg) is cst.Attribute and arg.attr.value == "shape":
            name = arg.value
        elif type(arg) is cst.Call and not arg.args and type(arg.func) is cst.Attribute and \
                arg.func.attr.value == "size":
            name = arg.func.value
    if type(name) is not cst.Name:
        return None
    t = lookup(name.value)
    return t.rank if isinstance(t, Tensor) and not t.members else None
