"""A message-passing layer that sums neighbour messages with scatter_add_ (the same sum as
scatter_reduce "sum"), then adds the root term and applies ReLU in place on the aggregate."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SumConv(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.msg = nn.Linear(d_in, d_out)
        self.root = nn.Linear(d_in, d_out)

    def forward(self, x, edge_index):
        src, dst = edge_index
        messages = self.msg(x)[src]
        index = dst[:, None].expand_as(messages)
        out = x.new_zeros(x.shape[0], messages.shape[1])
        out.scatter_add_(0, index, messages)
        out += self.root(x)  # L
        return F.relu(out, inplace=True)  # L


class GraphNet(nn.Module):
    def __init__(self, d_in=4, hidden=8, n_classes=3):
        super().__init__()
        self.convs = nn.ModuleList([SumConv(d_in, hidden), SumConv(hidden, hidden)])
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, x, edge_index):
        for conv in self.convs:
            x = conv(x, edge_index)
        return self.head(x)


def ring_graph(n):
    src = torch.arange(n)
    dst = (src + 1) % n
    return torch.stack([torch.cat([src, dst]), torch.cat([dst, src])])


def run():
    torch.manual_seed(0)
    model = GraphNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    edge_index = ring_graph(6)
    for _ in range(2):
        x, y = torch.randn(6, 4), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x, edge_index), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
