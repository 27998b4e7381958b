"""Which dimensions of a tensor are swapped in memory (``Tensor.swap``), and the layout
of op results.

``Tensor.noncontig`` says a tensor is not laid out in order (a reshape of it is a copy;
"last2"/"2d" refine how matmul folds it: ranks.py).  ``Tensor.swap`` says how, where
that is known:

* a pair ``(a, b)``: dimensions a and b of a tensor laid out in order swapped, once
  (``x.transpose(1, 2)``, ``.mT``: ``(-2, -1)`` while the rank is unknown, with the rank
  known the dimensions from 0).  Swapping the same two again lays it out in order:
  ``x.transpose(1, 2).transpose(1, 2)`` reshapes to a view.
* ``"perm"``: a permutation of dimensions of unknown kind (``permute``, two swaps,
  a slice of a swapped tensor): still a dense tensor whose layout an elementwise op keeps.
* None: nothing known (an ``expand``, whose stride-0 dimensions elementwise ops do not
  copy: sigmoid of it is laid out in order).

An op whose knowledge says ``keeps_layout`` (measured: tools/knowledge_gen/layout.py;
elementwise ops, clone, dropout) gives a result laid out as the tensor it names, where
that tensor's ``swap`` is known; any other result is taken as laid out in order.
"""
from __future__ import annotations

from .values import Const, Tensor

# ops that swap two dimensions, and the names of those dimensions as keywords
SWAPS = {"transpose": ("dim0", "dim1"), "swapaxes": ("axis0", "axis1"), "swapdims": ("dim0", "dim1")}
# views that swap two fixed dimensions: a matrix's two, or the last two (``Tensor.noncontig``'s
# "2d" and "last2", which ranks.py reads; ``adjoint`` is marked out of order only)
MATRIX_SWAPS = {"T": "2d", "t": "2d", "H": "2d", "mT": "last2", "mH": "last2"}
FIXED_SWAPS = {**MATRIX_SWAPS, "adjoint": "last2"}
# transposing views of a dense tensor that stay dense (not expand's stride-0 dimensions)
PERMUTATIONS = {"permute", "movedim", "moveaxis"}


def swap_key(dims, rank):
    """The pair of dimensions ``dims`` (ints) names, comparable between swaps: counted
    from 0 where the rank is known, as given where both count the same way; else None."""
    if rank is not None:
        dims = [d + rank if d < 0 else d for d in dims]
        if not all(0 <= d < rank for d in dims):
            return None
    elif (dims[0] < 0) != (dims[1] < 0):
        return None
    return tuple(sorted(dims)) if dims[0] != dims[1] else None


def swap_view(v, base, op):
    """Set ``v.swap`` for ``v``, a view ``op`` of ``base`` (v.noncontig already set from
    base's): dimensions named by the op itself are refined by swapped_dims."""
    if op in FIXED_SWAPS:
        if FIXED_SWAPS[op] == "2d":  # (.T of more dimensions reverses them all)
            key = (0, 1) if base.rank in (None, 2) else None
        else:
            key = (-2, -1) if base.rank is None else swap_key((-2, -1), base.rank)
        swapped(v, base, key)
    elif op in SWAPS or op in PERMUTATIONS:
        v.swap = "perm" if not base.noncontig or base.swap is not None else None
    elif v.noncontig:  # a slice or a select of a swapped tensor: its dimensions shift
        v.swap = "perm" if base.swap is not None else None


def swapped(v, base, key):
    """``v``: ``base`` with the dimensions ``key`` swapped (None: unknown ones)."""
    if key is None:
        v.swap = "perm" if not base.noncontig or base.swap is not None else None
    elif not base.noncontig:
        v.swap = key
    elif base.swap == key:
        v.noncontig, v.swap = False, None  # swapped back: laid out in order again
    else:
        v.swap = "perm" if base.swap is not None else None


def swapped_dims(result, name, args, kwargs):
    """``x.transpose(a, b)`` (and swapaxes, swapdims) with a and b known ints: which."""
    short = name.rsplit(".", 1)[-1]
    if short not in SWAPS or not args or not isinstance(args[0], Tensor) or result.base is not args[0]:
        return
    dims = list(args[1:3]) + [kwargs.get(k) for k in SWAPS[short][len(args[1:3]):]]
    if len(dims) == 2 and all(isinstance(d, Const) and type(d.value) is int for d in dims):
        swapped(result, args[0], swap_key([d.value for d in dims], args[0].rank))


def kept_layout(result, spec, bound):
    """An op measured to lay its result out as its input (``keeps_layout``): the
    result takes that input's layout where it is known."""
    src = bound.get(spec.get("keeps_layout") or "")
    if bound.get("memory_format") is not None:
        return result  # clone(memory_format=torch.contiguous_format): as told
    if isinstance(result, Tensor) and not result.members and isinstance(src, Tensor) and not src.members \
            and src.noncontig and src.swap is not None and result is not src:
        result.noncontig, result.swap = src.noncontig, src.swap
    return result
