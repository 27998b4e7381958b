# Source: https://github.com/pytorch/examples/pull/779
# Report: word_language_model's manual SGD update `p.add_(-lr, p.grad)` outside
# no_grad raises "a leaf Variable that requires grad is being used in an
# in-place operation"; the fix updates under no_grad / through .data.
import torch
import torch.nn as nn


def run():
    model = nn.Linear(4, 2)
    lr = 0.1
    out = model(torch.randn(3, 4))
    loss = out.pow(2).mean()
    model.zero_grad()
    loss.backward()
    for p in model.parameters():
        p.add_(p.grad, alpha=-lr)  # hazard


if __name__ == "__main__":
    run()
