"""Which operands a ``torch.einsum`` call keeps for backward, read from its equation.

The knowledge says einsum keeps each operand for the other operands' gradients
(``"saved_for": {"*operands": ["*operands"]}``, measured on OpInfo's samples).  What
it keeps is the operand itself only when torch's kernel reaches the multiplication
through views of it.  torch's einsum (ATen's einsum and sumproduct_pair) does this:

1. lays every operand out in one label order by views: the output's labels as
   written (or, without ``->``, the ellipsis then the labels used once, upper case
   before lower case), then the summed labels in that alphabetical order;
2. one operand: sums (keeps nothing) or returns that view;
3. two operands, left to right: a summed label only one operand has is summed in
   that operand first (a new tensor: the operand is not kept); with nothing left to
   sum the pair is multiplied (``mul`` keeps both views); otherwise each side is
   permuted and reshaped to (batch, rows, summed) and ``bmm`` keeps the reshaped
   tensors: the left one groups its labels as (in both and the output, in the left
   and the output, summed), the right one as (in both and the output, summed, in the
   right and the output).  A reshape that merges labels which are not adjacent and
   in order in the operand's own memory copies it, and the copy is what is kept.

So an operand written in place after the call breaks backward exactly when it was
kept itself.  Assumed: every dimension larger than 1 (a size-1 dimension is skipped
by torch and makes more reshapes views), and contiguous operands unless told; with
three or more operands the pairing depends on opt_einsum's path when it is
installed, so nothing is certain there.  tests/test_knowledge.py checks the rule
against torch on a set of equations.
"""
from __future__ import annotations

ELLIPSIS = "."


def operand_saves(equation, count, noncontig=()):
    """Per operand: True (kept itself), False (a copy or a sum is kept, or nothing),
    None (not known here); None for the whole call when the equation cannot be read
    for ``count`` operands.  noncontig[i]: operand i may not be contiguous."""
    parsed = _parse(equation, count)
    if parsed is None:
        return None
    inputs, order, out = parsed
    if count == 1:
        return [False]
    if count > 2 or any(len(set(labels)) < len(labels) for labels in inputs):
        return [None] * count  # opt_einsum's path; a repeated label is a diagonal
    a, b = (set(labels) for labels in inputs)
    summed = [x for x in order if x not in out]
    both = [x for x in summed if x in a and x in b]
    alone = {x for x in summed if (x in a) != (x in b)}
    fresh = [bool(alone & a), bool(alone & b)]  # summed first: a new tensor is multiplied
    if not both:
        return [not f for f in fresh]  # mul keeps both views
    shared = [x for x in out if x in a and x in b]
    left = [shared, [x for x in out if x in a and x not in b], both]
    right = [shared, both, [x for x in out if x in b and x not in a]]
    result = []
    for i, groups in enumerate((left, right)):
        if fresh[i]:
            result.append(False)
            continue
        merges = any(len(g) > 1 for g in groups)
        if merges and i < len(noncontig) and noncontig[i]:
            result.append(None)  # whether the merge copies depends on its strides
        else:
            result.append(all(_adjacent(inputs[i], g) for g in groups))
    return result


def _adjacent(labels, group):
    """Whether the dims of ``group`` (in this order) lie next to each other, in
    order, in a contiguous operand with these ``labels``: then reshape merges them
    into a view."""
    pos = [labels.index(x) for x in group]
    return all(q == p + 1 for p, q in zip(pos, pos[1:]))


def _parse(equation, count):
    """(labels per operand, the aligned label order, the output's labels) or None."""
    if not isinstance(equation, str):
        return None
    text = equation.replace(" ", "").replace("...", ELLIPSIS)
    lhs, arrow, rhs = text.partition("->")
    inputs = [list(part) for part in lhs.split(",")]
    if len(inputs) != count or not all(c.isalpha() or c == ELLIPSIS for part in inputs for c in part):
        return None
    used = [c for part in inputs for c in part if c != ELLIPSIS]
    has_ellipsis = any(ELLIPSIS in part for part in inputs)

    def key(c):
        return (c.islower(), c)  # torch numbers A-Z before a-z
    if arrow:
        out = list(rhs)
        if not all(c.isalpha() and c in used or c == ELLIPSIS for c in out) or len(set(out)) < len(out):
            return None
    else:
        out = ([ELLIPSIS] if has_ellipsis else []) + sorted((c for c in set(used) if used.count(c) == 1), key=key)
    order = list(out)
    if has_ellipsis and ELLIPSIS not in order:
        order.append(ELLIPSIS)
    order += sorted((c for c in set(used) if c not in order), key=key)
    return inputs, order, out
