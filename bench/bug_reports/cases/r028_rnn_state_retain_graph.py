# Source: https://github.com/mlech26l/ncps/issues/62
# (same shape: https://github.com/vikrant7/mobile-vod-bottleneck-lstm/issues/25)
# Report: the hidden state hx returned by the recurrent model is fed into the
# next batch without detaching; with loss.backward(retain_graph=True) the next
# backward reaches the previous batch's graph, whose weights optimizer.step()
# has changed: "output 0 of AsStridedBackward0, is at version 3".
import torch
import torch.nn as nn


def run():
    cell = nn.RNNCell(3, 5)
    head = nn.Linear(5, 1)
    optimizer = torch.optim.Adam(list(cell.parameters()) + list(head.parameters()), lr=1e-3)
    hx = torch.zeros(2, 5)
    for batch in range(3):
        x = torch.randn(2, 3)
        y = torch.randn(2, 1)
        hx = cell(x, hx)
        loss = (head(hx) - y).pow(2).mean()
        optimizer.zero_grad()
        loss.backward(retain_graph=True)
        optimizer.step()  # hazard


if __name__ == "__main__":
    run()
