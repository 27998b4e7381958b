"""GNNAutoScale-style historical embeddings for mini-batch GNN training: out-of-batch neighbours read
their last embedding from a history table; after each layer the in-batch embeddings are pushed back,
gathered through index_select with out= into a reusable staging buffer."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class History(nn.Module):
    def __init__(self, num_nodes, dim):
        super().__init__()
        self.register_buffer("emb", torch.zeros(num_nodes, dim))
        self.staging = {}

    def pull(self, n_id):
        return self.emb[n_id]

    def push(self, h, local_idx, n_id):
        buf = self.staging.setdefault(len(n_id), torch.empty(len(n_id), h.shape[1]))
        torch.index_select(h, 0, local_idx, out=buf)  # L
        self.emb[n_id] = buf.detach()


class SAGELayer(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.self_lin, self.nbr_lin = nn.Linear(d_in, d_out), nn.Linear(d_in, d_out)

    def forward(self, x, edge_index):
        src, dst = edge_index
        agg = torch.zeros_like(x).index_add_(0, dst, x[src])
        deg = torch.zeros(x.shape[0]).index_add_(0, dst, torch.ones(src.shape[0])).clamp(min=1)
        return self.self_lin(x) + self.nbr_lin(agg / deg[:, None])


class GASNet(nn.Module):
    def __init__(self, num_nodes=8, d_in=4, hidden=6, n_classes=2):
        super().__init__()
        self.layers = nn.ModuleList([SAGELayer(d_in, hidden), SAGELayer(hidden, n_classes)])
        self.history = History(num_nodes, hidden)

    def forward(self, x, edge_index, batch_size, n_id):
        h = F.relu(self.layers[0](x, edge_index))
        in_batch = torch.arange(batch_size)
        self.history.push(h, in_batch, n_id[:batch_size])  # L
        h = torch.cat([h[:batch_size], self.history.pull(n_id[batch_size:])], 0)
        return self.layers[1](h, edge_index)[:batch_size]


def run():
    torch.manual_seed(0)
    model = GASNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    edge_index = torch.tensor([[3, 4, 5, 0, 1, 2], [0, 1, 2, 1, 2, 0]])
    for step in range(2):
        n_id = torch.tensor([0, 1, 2, 5, 6, 7]) if step == 0 else torch.tensor([3, 4, 5, 0, 1, 2])
        x = torch.randn(6, 4)
        loss = F.cross_entropy(model(x, edge_index, 3, n_id), torch.tensor([0, 1, 1]))
        opt.zero_grad()
        loss.backward()
        opt.step()
