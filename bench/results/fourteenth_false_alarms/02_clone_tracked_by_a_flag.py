"""torchcde 0.2.5 (checked beside the set): IPL001 warning at torchcde/interpolation_cubic.py:115
(``x[-1] = path_no_nan[-1]`` in ``_natural_cubic_spline_coeffs_with_missing_values_scalar``,
"`masked_select` at line 83 (its self) saved it ... (on the paths where it is the saved tensor)").

The function reads the series first (``path_no_nan = x.masked_select(not_nan)``: ``masked_select``
saves ``x``), then fills a missing first or last value, cloning ``x`` before the first write and
keeping a flag that it did:

    need_new_not_nan = False
    if torch.isnan(x[0]):
        if not need_new_not_nan:
            x = x.clone()
            need_new_not_nan = True
        x[0] = path_no_nan[0]
    if torch.isnan(x[-1]):
        if not need_new_not_nan:
            x = x.clone()
            need_new_not_nan = True
        x[-1] = path_no_nan[-1]

Every write goes into a clone: the flag is true exactly when ``x`` is already the clone.  The
library's ``natural_cubic_spline_coeffs`` and ``natural_cubic_coeffs`` (loaded from the wheel, a
stand-in for torchdiffeq) on series with grad and NaNs at the start, the end, both or inside,
then ``CubicSpline(coeffs).evaluate`` and ``backward``: run.

In the engine's terms: after the first ``if``, the join gives ``x`` as "the argument or its
clone" and the flag as an unknown constant, without the link between them (flag ``True`` on the
arm where ``x`` is the clone, ``False`` on the other).  In the second ``if``, the arm
``if not flag:`` may then be skipped with ``x`` still the argument, so the write into ``x`` is a
write into the tensor ``masked_select`` saved "on the paths where it is" (the first write, right
after an unconditional clone in its arm, is quiet).  Without the flag (``x = x.clone()`` before
each write) the copy is quiet.
"""
import torch


def fill_ends(x):
    """x: (length,) with NaNs for missing values; fill a missing first / last value."""
    observed = x.masked_select(~torch.isnan(x))
    cloned = False
    if torch.isnan(x[0]):
        if not cloned:
            x = x.clone()
            cloned = True
        x[0] = observed[0]
    if torch.isnan(x[-1]):
        if not cloned:
            x = x.clone()
            cloned = True
        x[-1] = observed[-1]
    return x, observed


if __name__ == "__main__":
    torch.manual_seed(0)
    offset = torch.nn.Parameter(torch.zeros(6))
    opt = torch.optim.SGD([offset], lr=0.1)
    nan = float("nan")
    for missing in ([0], [5], [0, 5], [2]):
        mask = torch.zeros(6, dtype=torch.bool)
        mask[missing] = True
        values = torch.randn(6) + offset
        x = torch.where(mask, torch.full_like(values, nan), values)
        filled, observed = fill_ends(x)
        if 2 in missing:
            filled = torch.nan_to_num(filled)
        loss = filled.pow(2).sum() + observed.sum()
        opt.zero_grad()
        loss.backward()
        assert torch.isfinite(offset.grad).all()
        opt.step()
    print("ok")
