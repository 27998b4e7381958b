"""The engine's einsum rule (inplace_lint/engine/einsum.py) against torch: which
operands an einsum keeps itself (a write into it breaks backward) and which it keeps
as a copy or not at all, for equations in the forms models use and random ones."""
import random

import pytest
import torch

from inplace_lint.engine.einsum import operand_saves

SIZES = dict(zip("abcdefABh", [2, 3, 4, 5, 6, 7, 3, 5, 4]))


def kept_by_torch(equation, shapes):
    """Per operand: does bumping its version break backward."""
    out = []
    for k in range(len(shapes)):
        ops = [torch.randn(*s, dtype=torch.float64, requires_grad=True) * 1 for s in shapes]
        res = torch.einsum(equation, *ops)
        torch.autograd.graph.increment_version(ops[k])
        try:
            res.sum().backward()
            out.append(False)
        except RuntimeError as e:
            assert "modified by an inplace operation" in str(e)
            out.append(True)
    return out


@pytest.mark.parametrize("equation,shapes", [
    ("bh,bth->bt", [(2, 8), (2, 5, 8)]), ("bt,bth->bh", [(2, 5), (2, 5, 8)]),
    ("bim,iom->bom", [(2, 3, 4), (3, 5, 4)]), ("...ij,...jk->...ik", [(2, 3, 4, 5), (2, 3, 5, 6)]),
    ("bqhd,bkhd->bhqk", [(2, 4, 3, 5), (2, 6, 3, 5)]), ("bhqd,bhkd->bhqk", [(2, 3, 4, 5), (2, 3, 6, 5)]),
    ("ij,ji->", [(3, 4), (4, 3)]), ("i,j->ij", [(3,), (4,)]), ("ij,k->ij", [(3, 4), (5,)]),
    ("ij,jk", [(3, 4), (4, 5)]), ("Ab,bC->AC", [(3, 4), (4, 5)]), ("ij->ji", [(3, 4)]), ("ij->i", [(3, 4)]),
])
def test_rule_matches_torch(equation, shapes):
    assert operand_saves(equation, len(shapes)) == kept_by_torch(equation, shapes)


def test_rule_matches_torch_on_random_equations():
    rng = random.Random(12)
    for _ in range(60):
        labels = rng.sample("abcdef", rng.randint(2, 5))
        ops = [rng.sample(labels, rng.randint(1, min(4, len(labels)))) for _ in range(2)]
        used = sorted(set(ops[0]) | set(ops[1]))
        out = "".join(rng.sample(used, rng.randint(0, len(used))))
        equation = ",".join("".join(o) for o in ops) + ("->" + out if rng.random() < 0.85 else "")
        shapes = [[SIZES[c] for c in o] for o in ops]
        assert operand_saves(equation, 2) == kept_by_torch(equation, shapes), equation


def test_rule_unknowns():
    assert operand_saves("ij,jk->ik", 3) is None           # the equation names two operands
    assert operand_saves("ij,jk,kl->il", 3) == [None] * 3  # opt_einsum may pick the pairing
    assert operand_saves("ii,ij->j", 2) == [None, None]    # a diagonal
    # a merge of dims of an operand that may not be contiguous: depends on its strides
    assert operand_saves("bqhd,bkhd->bhqk", 2, [True, False]) == [None, False]
    assert operand_saves("bh,bth->bt", 2, [True, True]) == [True, True]  # no merge: a view anyway


def test_one_list_form_keeps_the_operands_too():
    a, b = (torch.randn(2, 3, dtype=torch.float64, requires_grad=True) * 1 for _ in range(2))
    out = torch.einsum("ij,ij->i", [a, b])
    a.add_(1)  # noqa: IPL001 (the hazard under test: the linter finds it too)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        out.sum().backward()
