"""GIN convolution with bond features, written without torch_geometric (messages gathered by
edge index and summed with index_add), as OGB's mol examples define it."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BondEncoder(nn.Module):
    def __init__(self, emb_dim, bond_vocab=(5, 6, 2)):
        super().__init__()
        self.embeddings = nn.ModuleList(nn.Embedding(n, emb_dim) for n in bond_vocab)

    def forward(self, edge_attr):
        return sum(emb(edge_attr[:, i]) for i, emb in enumerate(self.embeddings))


class GINConv(nn.Module):
    def __init__(self, emb_dim):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(emb_dim, 2 * emb_dim), nn.BatchNorm1d(2 * emb_dim), nn.ReLU(),
                                 nn.Linear(2 * emb_dim, emb_dim))
        self.eps = nn.Parameter(torch.zeros(1))
        self.bond_encoder = BondEncoder(emb_dim)

    def forward(self, x, edge_index, edge_attr):
        src, dst = edge_index
        messages = F.relu(x[src] + self.bond_encoder(edge_attr))
        aggr = torch.zeros_like(x).index_add_(0, dst, messages)
        return self.mlp((1 + self.eps) * x + aggr)
