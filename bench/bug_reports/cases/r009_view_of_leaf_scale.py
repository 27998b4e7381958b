# Source: https://github.com/fastai/fastbook/pull/471
# Report: in the MNIST-basics notebook, `weights[0] *= 1.0001` on a tensor made
# with requires_grad_() raises "a view of a leaf Variable that requires grad is
# being used in an in-place operation"; the fix writes through `.data`.
import torch


def init_params(size, std=1.0):
    return (torch.randn(size) * std).requires_grad_()


def run():
    weights = init_params((8, 1))
    bias = init_params(1)
    x = torch.randn(5, 8)
    preds = x @ weights + bias
    weights[0] *= 1.0001  # hazard
    preds.sum().backward()


if __name__ == "__main__":
    run()
