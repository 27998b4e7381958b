# From sbi 0.27.0, sbi/utils/metrics.py:142 (`X_std[X_std < 1e-14] = 1` in c2st), reported as
# IPL001 warning "`X_std` is modified in place by `[]=` but `std` at line 140 (its output) saved it
# for backward; backward will raise 'one of the variables needed for gradient computation has been
# modified by an inplace operation'".  Safe: everything computed from X_std reaches the caller only
# through `.cpu().numpy()` (then numpy / scikit-learn, and `torch.from_numpy` of the scores), and
# torch refuses `.numpy()` on a tensor that requires grad, so no backward can ever reach the saved
# std.  With a grad-free X it runs; with an X requiring grad it stops at `.numpy()` whether or not
# the write is there (the out-of-place version below raises the same).  The linter ends the graph
# at `.item()`, `float()` or `.detach()` (each quiet here), not at `.numpy()` or `.tolist()`.
# (Called with an X that surely requires grad, e.g. `X.requires_grad_()`, it is an IPL001 error,
# just as false: that call stops at `.numpy()` before any backward.)
import numpy as np
import torch


def zscored_mean(X, Y, inplace=True):
    X_mean = torch.mean(X, dim=0)
    X_std = torch.std(X, dim=0)
    if inplace:
        X_std[X_std < 1e-14] = 1
    else:
        X_std = torch.where(X_std < 1e-14, torch.ones_like(X_std), X_std)
    X = (X - X_mean) / X_std
    Y = (Y - X_mean) / X_std
    data = np.concatenate((X.cpu().numpy(), Y.cpu().numpy()))
    return torch.from_numpy(data).mean()


for requires_grad in (False, True):
    X, Y = torch.randn(8, 3), torch.randn(8, 3)
    X[:, 0] = 2.0  # a constant column: std 0, replaced by 1
    X.requires_grad_(requires_grad)
    for inplace in (True, False):
        try:
            out = zscored_mean(X, Y, inplace)
            assert not requires_grad and not out.requires_grad  # no graph leaves the function
        except RuntimeError as e:  # only with requires_grad, before any backward, either way
            assert requires_grad and "requires grad" in str(e)
