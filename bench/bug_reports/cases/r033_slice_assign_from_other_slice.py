# Source: https://github.com/pytorch/pytorch/issues/114505
# Report: writing the result of an op on one column into another column of the
# same tensor (`b[:, 1] = softplus(b[:, 0])`-like) raises at backward: the op
# saved a view of b and autograd tracks one version counter per storage.
import torch
import torch.nn.functional as F


def run():
    a = torch.randn(4, 2, requires_grad=True)
    b = a.clone()
    b[:, 1] = F.softplus(b[:, 0])  # hazard
    b.sum().backward()


if __name__ == "__main__":
    run()
