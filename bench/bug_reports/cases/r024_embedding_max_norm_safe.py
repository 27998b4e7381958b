# Source: https://github.com/pytorch/pytorch/issues/26596
# Safe twin: the report's own workaround, the lookup (and its renorm) first,
# then the product that reads the weight.
import torch
import torch.nn as nn


def run():
    n, d, m = 3, 5, 7
    embedding = nn.Embedding(n, d, max_norm=True)
    W = torch.randn((m, d), requires_grad=True)
    optimizer = torch.optim.Adam(list(embedding.parameters()) + [W], lr=1e-3)
    optimizer.zero_grad()
    idx = torch.tensor([1, 2])
    b = embedding(idx) @ W.t()
    a = embedding.weight @ W.t()
    out = a.unsqueeze(0) + b.unsqueeze(1)
    loss = out.sigmoid().prod()
    loss.backward()
    optimizer.step()


if __name__ == "__main__":
    run()
