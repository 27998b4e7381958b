# Source: https://github.com/pytorch/pytorch/issues/5687
# Report: an in-place ReLU followed by an in-place addition on its output; the
# maintainers' answer: "You can't do an inplace-addition after an inplace relu"
# (ReLU saves its output; `+=` bumps its version and backward raises).
import torch
import torch.nn as nn


def run():
    relu = nn.ReLU(inplace=True)
    w = torch.randn(4, 4, requires_grad=True)
    x = torch.randn(2, 4) @ w
    y = relu(x)
    y += 1  # hazard
    y.sum().backward()


if __name__ == "__main__":
    run()
