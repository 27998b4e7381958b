import torch
import torch.nn as nn
import torch.nn.functional as F


class MessagePassing(nn.Module):
    def __init__(self, d, aggr="sum"):
        super().__init__()
        self.msg = nn.Linear(d, d)
        self.upd = nn.Linear(d, d)
        self.aggr = aggr

    def propagate(self, h, edge_index):
        src, dst = edge_index
        m = self.msg(h[src])
        h.index_add_(0, dst, m)  # L
        if self.aggr == "mean":
            deg = torch.bincount(dst, minlength=h.size(0)).clamp(min=1).unsqueeze(1)
            return h / deg
        return h

    def forward(self, h, edge_index):
        h = F.relu(self.upd(h))
        return self.propagate(h, edge_index)


class GNN(nn.Module):
    def __init__(self, d=6, layers=2, n_cls=3):
        super().__init__()
        self.layers = nn.ModuleList(MessagePassing(d) for _ in range(layers))
        self.out = nn.Linear(d, n_cls)

    def forward(self, x, edge_index):
        for layer in self.layers:
            x = layer(x, edge_index)
        return self.out(x)


def run():
    torch.manual_seed(0)
    x = torch.randn(5, 6)
    edge_index = torch.tensor([[0, 1, 2, 3, 4, 0], [1, 2, 3, 4, 0, 2]])
    y = torch.randint(0, 3, (5,))
    model = GNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    loss = F.cross_entropy(model(x, edge_index), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
