"""kornia 0.9.0, metrics/ssim.py:93-102 (``_ssim_cpu``), reached from ``SSIM.forward``: IPL001
warnings, after 01.

The fast path crops each blurred moment with ``F.pad(img, (-cropping_shape[2], ...))`` when
``padding == "valid"``; from ``SSIM.forward`` the crop comes from ``_compute_padding`` of another
module, which the linter does not follow that deep, so its items are values of unknown kind.  The
linter counted them among the inputs of ``pad`` that may carry grad, the cropped moments became
"may require grad", and ``mu1 * mu2`` followed by ``mu1.pow_(2)`` a possible hazard although
neither image requires grad on that path.  A padding is a tuple of ints: nothing passed as
``pad``, ``size``, ``shape``, ``kernel_size``, ``stride``, ``padding`` ... reaches the result's graph.
"""
import torch
import torch.nn.functional as F


def _fast_path(img1, img2):
    return not (torch.is_grad_enabled() and (img1.requires_grad or img2.requires_grad))


def _blurred_moments(img1, img2, kernel, cropping):
    weight = kernel.view(1, 1, -1).expand(img1.shape[1], 1, -1)

    def blur(img):
        out = F.conv1d(img, weight, groups=img.shape[1])
        return F.pad(out, (-cropping[0], -cropping[1])) if len(cropping) > 0 else out

    mu1, mu2 = blur(img1), blur(img2)
    mu1_mu2 = mu1 * mu2
    mu1_sq, mu2_sq = mu1.pow_(2), mu2.pow_(2)
    return mu1_mu2.mul_(2.0).add_(1e-4).div_(mu1_sq.add_(mu2_sq).add_(1e-4))


def similarity(img1, img2, cropping):
    kernel = torch.ones(5) / 5
    if _fast_path(img1, img2):
        return _blurred_moments(img1, img2, kernel, cropping)
    weight = kernel.view(1, 1, -1).expand(img1.shape[1], 1, -1)
    mu1 = F.conv1d(img1, weight, groups=img1.shape[1])
    mu2 = F.conv1d(img2, weight, groups=img1.shape[1])
    if len(cropping) > 0:
        mu1, mu2 = (F.pad(m, (-cropping[0], -cropping[1])) for m in (mu1, mu2))
    return (2 * mu1 * mu2 + 1e-4) / (mu1 ** 2 + mu2 ** 2 + 1e-4)


def demo():
    torch.manual_seed(0)
    a, b = torch.rand(2, 3, 16), torch.rand(2, 3, 16)
    fast = similarity(a, b, [1, 1])  # the in-place path
    a.requires_grad_()
    slow = similarity(a, b, [1, 1])  # the recorded path
    slow.mean().backward()
    assert torch.allclose(fast, slow.detach(), atol=1e-5) and a.grad is not None
    print("ok")


if __name__ == "__main__":
    demo()
