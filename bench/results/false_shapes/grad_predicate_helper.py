# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# a private predicate `_forward_only(a, b)` that returns `not (torch.is_grad_enabled() and a.requires_grad ...)` guards the in-place fast path (kornia metrics.ssim). Fires 1 ERROR and 2 warnings.
# Runs and backpropagates cleanly under torch 2.13.
import torch
import torch.nn.functional as F


def _forward_only(a, b):
    return not (torch.is_grad_enabled() and (a.requires_grad or b.requires_grad))


def _fast(a, b):
    mu1, mu2 = F.avg_pool1d(a, 3), F.avg_pool1d(b, 3)
    m12 = mu1 * mu2
    s1, s2 = mu1.pow_(2), mu2.pow_(2)
    return m12.mul_(2.0).div_(s1.add_(s2).add_(1e-4))


def _slow(a, b):
    mu1, mu2 = F.avg_pool1d(a, 3), F.avg_pool1d(b, 3)
    return 2.0 * mu1 * mu2 / (mu1 ** 2 + mu2 ** 2 + 1e-4)


def score(a, b):
    if _forward_only(a, b):
        return _fast(a, b)
    return _slow(a, b)


def main():
    a = torch.randn(1, 1, 9, requires_grad=True)
    score(a, torch.randn(1, 1, 9)).sum().backward()
    score(torch.randn(1, 1, 9), torch.randn(1, 1, 9))


main()
