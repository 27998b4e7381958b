# False-alarm shape from an unseen library (bench/results/unseen_libraries.md):
# a bool parameter `in_place` computed by the caller from a grad test selects the in-place path (kornia bilateral_blur). Fires 1 warning.
# Runs and backpropagates cleanly under torch 2.13.
import torch


def _taps(diff, scale, in_place: bool):
    sq = diff.square_() if in_place else diff.square()
    if in_place:
        w = sq.mul_(scale).exp_()
    else:
        w = (scale * sq).exp()
    return w


def blur(x, scale):
    in_place = not (torch.is_grad_enabled() and x.requires_grad)
    return _taps(x - 1.0, scale, in_place)


def main():
    x = torch.randn(4, requires_grad=True)
    blur(x, -0.5).sum().backward()
    blur(torch.randn(4), -0.5)


main()
