# Source: https://discuss.pytorch.org/t/leaf-variable-was-used-in-an-inplace-operation/308/2
# (also https://discuss.pytorch.org/t/inplace-operation-changes-is-leaf-attribute/120297)
# Report: `x += 1` on a tensor created with requires_grad=True raises
# "a leaf Variable that requires grad is being used in an in-place operation".
import torch


def run():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x += 1  # hazard
    (x * 2).sum().backward()


if __name__ == "__main__":
    run()
