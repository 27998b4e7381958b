# Source: https://github.com/pytorch/pytorch/issues/26596 (docs note: pytorch/pytorch#45595)
# Report: with nn.Embedding(max_norm=...), a product that reads embedding.weight
# is computed first, then the embedding lookup renormalises the looked-up rows
# of weight in place; backward raises. Swapping the two lines avoids it.
import torch
import torch.nn as nn


def run():
    n, d, m = 3, 5, 7
    embedding = nn.Embedding(n, d, max_norm=True)
    W = torch.randn((m, d), requires_grad=True)
    optimizer = torch.optim.Adam(list(embedding.parameters()) + [W], lr=1e-3)
    optimizer.zero_grad()
    idx = torch.tensor([1, 2])
    a = embedding.weight @ W.t()
    b = embedding(idx) @ W.t()  # hazard
    out = a.unsqueeze(0) + b.unsqueeze(1)
    loss = out.sigmoid().prod()
    loss.backward()
    optimizer.step()


if __name__ == "__main__":
    run()
