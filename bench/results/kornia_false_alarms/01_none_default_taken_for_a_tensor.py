"""kornia 0.9.0, metrics/ssim.py:93-102 (``_ssim_cpu``): IPL001 warnings (3 grouped, 4 with --no-group).

``ssim`` takes a channels-last fast path, which works in place on its own temporaries, only when
``not (torch.is_grad_enabled() and (img1.requires_grad or img2.requires_grad))``.  The linter
already reads that test right: where it holds with grad on, neither image requires grad.  What
kept the warnings was the third input of the path, the Gaussian window from
``get_gaussian_kernel1d(window_size, 1.5, ...)`` -> ``gaussian(window_size, sigma, *, mean=None)``,
which starts with ``if isinstance(mean, torch.Tensor): mean = mean.float()``.  ``mean`` is the
default ``None`` there, but the linter took a known ``None`` for a value it could not work out, so
the branch stayed open, ``mean.float()`` gave a tensor of unknown grad, and so did the window, the
blurred moments, and the ``mu1 * mu2`` that saves them before ``mu1.pow_(2)``.  A known ``None``
is no tensor: the branch cannot run, the window does not require grad, and the moments of images
that do not require grad record nothing.
"""
import torch
import torch.nn.functional as F


def gaussian(window_size, sigma, *, mean=None):
    if isinstance(mean, torch.Tensor):
        mean = mean.float()
    mean = float(window_size // 2) if mean is None else mean
    x = torch.arange(window_size, dtype=torch.float32) - mean
    g = torch.exp(-x.pow(2) / (2 * sigma ** 2))
    return g / g.sum()


def _fast_path(img1, img2):
    return img1.dtype == torch.float32 and not (
        torch.is_grad_enabled() and (img1.requires_grad or img2.requires_grad))


def _blurred_moments(img1, img2, kernel):
    """No gradient is recorded here: the moments are combined in place."""
    weight = kernel.view(1, 1, -1).expand(img1.shape[1], 1, -1)

    def blur(img):
        return F.conv1d(img, weight, groups=img.shape[1])

    mu1, mu2 = blur(img1), blur(img2)
    mu1_mu2 = mu1 * mu2
    mu1_sq, mu2_sq = mu1.pow_(2), mu2.pow_(2)
    return mu1_mu2.mul_(2.0).add_(1e-4).div_(mu1_sq.add_(mu2_sq).add_(1e-4))


def similarity(img1, img2, window_size):
    kernel = gaussian(window_size, 1.5)
    if _fast_path(img1, img2):
        return _blurred_moments(img1, img2, kernel)
    weight = kernel.view(1, 1, -1).expand(img1.shape[1], 1, -1)
    mu1 = F.conv1d(img1, weight, groups=img1.shape[1])
    mu2 = F.conv1d(img2, weight, groups=img1.shape[1])
    return (2 * mu1 * mu2 + 1e-4) / (mu1 ** 2 + mu2 ** 2 + 1e-4)


def demo():
    torch.manual_seed(0)
    a, b = torch.rand(2, 3, 16), torch.rand(2, 3, 16)
    fast = similarity(a, b, 5)  # the in-place path
    a.requires_grad_()
    slow = similarity(a, b, 5)  # the recorded path
    slow.mean().backward()
    assert torch.allclose(fast, slow.detach(), atol=1e-5) and a.grad is not None
    print("ok")


if __name__ == "__main__":
    demo()
