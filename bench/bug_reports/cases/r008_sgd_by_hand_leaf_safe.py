# Source: https://github.com/pytorch/examples/pull/779
# Safe twin: the fixed update, done through .data.
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
        p.data.add_(p.grad, alpha=-lr)


if __name__ == "__main__":
    run()
