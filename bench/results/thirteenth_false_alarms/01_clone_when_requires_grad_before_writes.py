"""demucs 4.1.0: IPL001 warning at demucs/wiener.py:321 (and :353)
(``y[t, ...] = ...`` and ``y[t, ..., j] = _mul_add(...)`` in ``expectation_maximization``).

Each EM iteration first reads the current source estimates, ``v = torch.mean(torch.abs(y[..., 0,
:]) ** 2 + torch.abs(y[..., 1, :]) ** 2, dim=-2)`` (line 295: each ``abs`` saves its input, a view
of ``y``), then, before writing the new estimates into ``y`` slice by slice, does

    # cloning y if we track gradient, because we're going to update it
    if y.requires_grad:
        y = y.clone()

So the writes go into a fresh clone whenever ``y`` requires grad; and when it does not, the
``abs`` calls recorded nothing (an op saves its inputs only when one of them requires grad) and
nothing between the read and the test can make ``y`` require grad.  Either way no saved tensor
is written.  HTDemucs trains through this function (``cac=False`` with ``end_iters > 0``: the
magnitude output goes through ``wiener`` -> ``expectation_maximization``); the library's own
``wiener`` and ``expectation_maximization`` (loaded from the wheel), with 1 to 3 iterations, soft
mask or not, residual or not, and grad on the estimates, the mixture or both, backpropagate.

The linter knows the clone makes ``y`` a new tensor on one path ("on the paths where it is the
saved tensor") but not that the other path is the one where ``y`` does not require grad, on which
the ``abs`` saved nothing.  Inside the arms it does know it: with the write in an
``if not y.requires_grad:`` arm, or written in both arms (after the clone, and in the ``else``),
the copy is quiet; only a write after the join of the two arms is flagged.  Without the test
(the write straight after the ``abs``) it is an error, rightly.
"""
import torch


def refine(y, x, iterations):
    """y: (frames, 2, sources) estimates, x: (frames, 2) mixture; a few EM-like updates."""
    v = None
    for _ in range(iterations):
        v = torch.abs(y[..., 0, :]) ** 2 + torch.abs(y[..., 1, :]) ** 2
        if y.requires_grad:
            y = y.clone()
        gain = v / (v.sum(dim=-1, keepdim=True) + 1e-8)
        y[:, ...] = 0.0
        for j in range(y.shape[-1]):
            y[..., j] = y[..., j] + gain[:, None, j] * x
    return y, v


if __name__ == "__main__":
    torch.manual_seed(0)
    for grad_on in ("estimates", "mixture", "both"):
        for iterations in (1, 2, 3):
            mag = torch.rand(8, 2, 3, requires_grad=grad_on != "mixture")
            mix = torch.randn(8, 2, requires_grad=grad_on != "estimates")
            y, v = refine(mag * 1.0, mix * 1.0, iterations)
            (y.pow(2).sum() + v.sum()).backward()
            assert mix.grad is None or torch.isfinite(mix.grad).all()
    # without grad anywhere the writes go into the caller's tensor, as in the library
    est = torch.rand(8, 2, 3)
    out, _ = refine(est, torch.randn(8, 2), 1)
    assert out is est
    print("ok")
