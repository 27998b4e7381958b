# From pytorch_optimizer 4.1.0, pytorch_optimizer/optimizer/utils/psgd.py:109
# (`q - (step / norm_lower_bound(grad).add_(eps)) * grad.mm(q)` in update_precondition_dense),
# reported as IPL001 warning "`norm_lower_bound(grad)` is modified in place by `add_` but
# `vector_norm` at line 35 (its output) saved it for backward; ... (on the paths where it is the
# saved tensor)".  norm_lower_bound returns `vector_norm(a)` (which saves its output) only under
# `if a.ndim < 2:`; otherwise it returns `max_abs * torch.where(...)`, a mul's output, which mul
# does not save.  Safe: `grad = torch.triu(a.mm(a.t()) - b.mm(b.t()))` is a matrix product, always
# 2-D, so the call always takes the second path and the add_ writes a value nothing saved.  The
# linter does not know the rank of an `mm` result and keeps the infeasible 1-D path.  (In the
# library, norm_lower_bound also rescales `a` in place after `torch.abs(a)` saved it -- a
# separate, in-context warning at psgd.py:39 -- left out here so that backward runs.)
import torch
from torch.linalg import vector_norm


def norm_bound(a):
    if a.ndim < 2:
        return vector_norm(a)  # saves its output
    max_abs = torch.max(torch.abs(a))
    return max_abs * vector_norm(a / max_abs)  # mul saves its inputs, not its output


def precondition(q, dg, step=0.1, eps=1e-8):
    a = q.mm(dg)
    grad = torch.triu(a.mm(a.t()))  # 2-D: norm_bound always takes its second path
    return q - (step / norm_bound(grad).add_(eps)) * grad.mm(q)


q = torch.randn(3, 3, dtype=torch.float64, requires_grad=True)
dg = torch.randn(3, 2, dtype=torch.float64)
precondition(q, dg).sum().backward()
assert torch.autograd.gradcheck(lambda q: precondition(q, dg), (q,))
