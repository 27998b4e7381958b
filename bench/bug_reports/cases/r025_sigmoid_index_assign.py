# Source: https://github.com/pytorch/pytorch/issues/9391
# Report: `b = a.sigmoid(); b[1] = 2` raises at backward (sigmoid saves its
# output), while the hand-written `1/((-a).exp()+1)` followed by the same
# assignment does not (its last op saves nothing).
import torch


def run():
    a = torch.tensor([1, 2, 3.0], requires_grad=True)
    b = a.sigmoid()
    b[1] = 2  # hazard
    b.sum().backward()


if __name__ == "__main__":
    run()
