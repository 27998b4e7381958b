"""Varargs parameters of torch ops (``torch.einsum(equation, *operands)``,
``torch.chain_matmul(*matrices)``): the knowledge names the parameter ("*operands")
for every tensor passed there, one by one or as the one list torch unpacks
(``torch.einsum("ij,jk->ik", [a, b])``).  Binding them to a call, and what the call
keeps of each."""
from __future__ import annotations

from .einsum import operand_saves
from .values import Const, Seq, Starred, Tensor, t_and, t_or

VARARGS = "*"


def is_varargs(name):
    return name.startswith(VARARGS)


def bind_varargs(params, args, bound):
    """Bind a varargs parameter of ``params`` to a Seq of what the call passes there
    (the one list passed there as it is, even of unknown length).  Returns whether the
    op has one."""
    if not params or not is_varargs(params[-1]):
        return False
    args = _spread(args)
    k = len(params) - 1
    rest = args[k:] if len(args) > k else []
    if any(isinstance(a, Starred) for a in args):
        # ``einsum(eq, *ops)``: which tensors go there is not known; the ones written out
        # are still arguments (their grad flows), none is an operand by position
        bound[params[-1]] = Seq(items=[a for a in rest if not isinstance(a, Starred)], is_tuple=True)
        return True
    if len(rest) == 1 and isinstance(rest[0], Seq):
        bound[params[-1]] = rest[0]  # one list: torch unpacks it
        return True
    bound[params[-1]] = Seq(items=rest, is_tuple=True)
    return True


def _spread(args):
    """``f(*[a, b])`` / ``f(*(a, b))``: a starred list whose items are known is those items."""
    out = []
    for a in args:
        if isinstance(a, Starred) and isinstance(a.value, Seq) and a.value.items is not None:
            out += a.value.items
        else:
            out.append(a)
    return out


def varargs_saves(spec, name, what, bound, grad, out_rg, sometimes):
    """(tensor, label, certain, cond) for each tensor passed to varargs parameter
    ``what`` that the call may keep.  ``"saved_for": {"*operands": ["*operands"]}``
    keeps each tensor for the gradient of the *other* tensors passed there; einsum
    with a constant equation keeps an operand itself or a copy (engine/einsum.py)."""
    seq = bound.get(what)
    if not isinstance(seq, Seq):
        return []
    members = seq.items
    if members is None:
        e = seq.elem  # a list of unknown length: the join of its members
        return [(e, what[1:], False, out_rg)] if isinstance(e, Tensor) else []
    need = (spec.get("saved_for") or {}).get(what)
    rule = None
    if name == "einsum":
        eq = bound.get("equation")
        text = eq.value if isinstance(eq, Const) and isinstance(eq.value, str) else None
        rule = operand_saves(text, len(members), [_layout_unknown(m) for m in members]) or [None] * len(members)
    out = []
    for i, t in enumerate(members):
        if not isinstance(t, Tensor):
            continue
        if need:
            cond = False
            for p in need:
                if p == what:
                    for j, other in enumerate(members):
                        if j != i and isinstance(other, Tensor):
                            cond = t_or(cond, other.rg)
                elif isinstance(bound.get(p), Tensor):
                    cond = t_or(cond, bound[p].rg)
            cond = t_and(cond, grad)
        else:
            cond = out_rg
        if cond is False or rule is not None and rule[i] is False:
            continue
        certain = cond is True and what not in sometimes and (rule is None or rule[i] is True)
        out.append((t, f"{what[1:]}[{i}]", certain, cond))
    return out


def _layout_unknown(t):
    """Whether a tensor may not be laid out contiguously: a transposing view, or any view
    (a slice ``x[:, :m]``: einsum's reshape of it may copy where that of ``x`` would not)."""
    return isinstance(t, Tensor) and (bool(t.noncontig) or t.base is not None)
