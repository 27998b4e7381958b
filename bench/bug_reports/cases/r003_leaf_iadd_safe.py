# Source: https://discuss.pytorch.org/t/leaf-variable-was-used-in-an-inplace-operation/308/2
# Safe twin: the answer's fix, clone the leaf and modify the clone.
import torch


def run():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    x2 = x.clone()
    x2 += 1
    (x2 * 2).sum().backward()


if __name__ == "__main__":
    run()
