# Source: https://github.com/pytorch/pytorch/issues/9391
# Safe twin: the report's second snippet -- the hand-written sigmoid ends in a
# scalar multiplication-like op that saves no output, so the assignment is fine.
import torch


def run():
    a = torch.tensor([1, 2, 3.0], requires_grad=True)
    b = 1 / ((-a).exp() + 1)
    b[1] = 2
    b.sum().backward()


if __name__ == "__main__":
    run()
