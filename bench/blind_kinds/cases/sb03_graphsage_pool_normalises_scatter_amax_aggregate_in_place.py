"""GraphSAGE with the max-pooling aggregator, message passing written with scatter_reduce("amax"):
each neighbour's feature goes through a pooling MLP, the maxima per destination node are
L2-normalised in place (the norm taken detached, "only a rescaling"), then concatenated with the
node's own features."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SAGEPool(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.pool = nn.Linear(d_in, d_in)
        self.lin = nn.Linear(2 * d_in, d_out)

    def aggregate(self, x, edge_index):
        src, dst = edge_index
        msg = F.relu(self.pool(x))[src]
        index = dst.unsqueeze(-1).expand_as(msg)
        agg = x.new_zeros(x.shape).scatter_reduce_(0, index, msg, reduce="amax", include_self=False)
        agg.div_(agg.detach().norm(dim=-1, keepdim=True).clamp(min=1e-6))  # L
        return agg

    def forward(self, x, edge_index):
        h = torch.cat([x, self.aggregate(x, edge_index)], dim=-1)  # L
        return F.relu(self.lin(h))


class SAGE(nn.Module):
    def __init__(self, dims=(4, 8, 8)):
        super().__init__()
        self.layers = nn.ModuleList(SAGEPool(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.head = nn.Linear(dims[-1], 2)

    def forward(self, x, edge_index):
        for layer in self.layers:
            x = layer(x, edge_index)
        return self.head(x)


def ring_graph(n):
    src = torch.arange(n)
    dst = (src + 1) % n
    return torch.stack([torch.cat([src, dst]), torch.cat([dst, src])])


def run():
    torch.manual_seed(0)
    model = SAGE()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    edge_index = ring_graph(6)
    for _ in range(2):
        x, y = torch.randn(6, 4), torch.randint(0, 2, (6,))
        loss = F.cross_entropy(model(x, edge_index), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
