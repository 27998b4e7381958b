# Source: https://github.com/mlech26l/ncps/issues/62
# Safe twin: the usual fix -- detach the carried hidden state between batches
# (truncated backpropagation), no retain_graph needed.
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
        hx = cell(x, hx.detach())
        loss = (head(hx) - y).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    run()
