# Source: https://github.com/fastai/fastbook/pull/471
# Safe twin: the fix from the PR, `weights[0].data *= 1.0001`.
import torch


def init_params(size, std=1.0):
    return (torch.randn(size) * std).requires_grad_()


def run():
    weights = init_params((8, 1))
    bias = init_params(1)
    x = torch.randn(5, 8)
    preds = x @ weights + bias
    preds.sum().backward()
    weights[0].data *= 1.0001


if __name__ == "__main__":
    run()
