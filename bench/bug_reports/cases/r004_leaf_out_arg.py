# Source: https://discuss.pytorch.org/t/inplace-operation-changes-is-leaf-attribute/120297
# Report: on a leaf that requires grad, `torch.add(c, 1, out=c)` raises
# "functions with out=... arguments don't support automatic differentiation".
import torch


def run():
    c = torch.randn(2, 3, requires_grad=True)
    torch.add(c, 1, out=c)  # hazard
    c.sum().backward()


if __name__ == "__main__":
    run()
