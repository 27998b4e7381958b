# From sbi 0.27.0, sbi/samplers/importance/importance_sampling.py:137 (`ks *= N / (N + a)` in
# gpdfit), reported as IPL001 warning "`ks` is modified in place by `*=` but `div` at line 108
# (its other) saved it for backward; ... (on the paths where it is the saved tensor) (and 1 more
# write to the same saved tensor: line 138)".  Safe: the write sits under `if return_quadrature:`
# and `ks` was rebound to a fresh `torch.mean(...)` under an earlier `if return_quadrature:` on the
# same unchanged flag, so whenever the write runs `ks` is no longer the tensor `x / ks` saved.
# The path "first if not taken, second if taken" cannot happen.  (With a literal True/False flag
# the linter is quiet; with a flag it cannot evaluate it warns.)  Running the library's gpdfit with
# return_quadrature=True and an x requiring grad: backward runs and gives finite gradients.
import torch


def fit(x, flag):
    ks = torch.log1p(x[:, None] * x).mean(dim=1)
    L = torch.log(x / ks) - ks  # div saves ks (its other)
    if flag:
        ks = torch.mean(x[:, None] * x, dim=1)  # a new tensor: the saved ks is no longer named
    k = L.sum()
    if flag:
        ks *= 0.5
        ks += 0.25
    return k, ks


for flag in (False, True):  # backward runs, and its gradients match finite differences
    x = torch.linspace(0.1, 1.0, 5, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda x: fit(x, flag), (x,))
