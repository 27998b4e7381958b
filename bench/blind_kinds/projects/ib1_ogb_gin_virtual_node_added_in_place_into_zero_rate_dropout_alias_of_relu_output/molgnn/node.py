"""Node representations with a virtual node (Gilmer et al. 2017; OGB's GNN_node_Virtualnode): a
graph-level embedding added to every node before each layer and refreshed from the pooled nodes."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from .conv import GINConv


class AtomEncoder(nn.Module):
    def __init__(self, emb_dim, atom_vocab=(10, 4, 6)):
        super().__init__()
        self.embeddings = nn.ModuleList(nn.Embedding(n, emb_dim) for n in atom_vocab)

    def forward(self, x):
        return sum(emb(x[:, i]) for i, emb in enumerate(self.embeddings))


def global_add_pool(x, batch, n_graphs):
    return torch.zeros(n_graphs, x.shape[1]).index_add_(0, batch, x)


class VirtualNodeGNN(nn.Module):
    def __init__(self, num_layer, emb_dim, drop_ratio=0.5, residual=False):
        super().__init__()
        self.num_layer, self.drop_ratio, self.residual = num_layer, drop_ratio, residual
        self.atom_encoder = AtomEncoder(emb_dim)
        self.virtualnode_embedding = nn.Embedding(1, emb_dim)
        nn.init.zeros_(self.virtualnode_embedding.weight)
        self.convs = nn.ModuleList(GINConv(emb_dim) for _ in range(num_layer))
        self.batch_norms = nn.ModuleList(nn.BatchNorm1d(emb_dim) for _ in range(num_layer))
        self.mlp_virtualnode_list = nn.ModuleList(
            nn.Sequential(nn.Linear(emb_dim, 2 * emb_dim), nn.BatchNorm1d(2 * emb_dim), nn.ReLU(),
                          nn.Linear(2 * emb_dim, emb_dim), nn.BatchNorm1d(emb_dim), nn.ReLU())
            for _ in range(num_layer - 1))

    def forward(self, x, edge_index, edge_attr, batch, n_graphs):
        vn = self.virtualnode_embedding(torch.zeros(n_graphs, dtype=torch.long))
        h_list = [self.atom_encoder(x)]
        for layer in range(self.num_layer):
            # broadcast the virtual node into its graph's nodes; no need for a copy of h
            h_list[layer] += vn[batch]  # L
            h = self.batch_norms[layer](self.convs[layer](h_list[layer], edge_index, edge_attr))
            if layer == self.num_layer - 1:
                h = F.dropout(h, self.drop_ratio, training=self.training)
            else:
                h = F.dropout(F.relu(h), self.drop_ratio, training=self.training)
            if self.residual:
                h = h + h_list[layer]
            h_list.append(h)
            if layer < self.num_layer - 1:
                vn_temp = global_add_pool(h_list[layer], batch, n_graphs) + vn
                vn = F.dropout(self.mlp_virtualnode_list[layer](vn_temp), self.drop_ratio, training=self.training)
        return h_list[-1]
