"""Sparse categorical fields plus dense fields -> one flat input vector x0."""
import torch
import torch.nn as nn


class FeatureEmbedder(nn.Module):
    def __init__(self, fields, dense_dim):
        super().__init__()
        self.tables = nn.ModuleDict({name: nn.Embedding(card, dim) for name, (card, dim) in fields.items()})
        self.dense_dim = dense_dim

    @property
    def out_dim(self):
        return sum(t.embedding_dim for t in self.tables.values()) + self.dense_dim

    def forward(self, sparse, dense):
        embs = [table(sparse[name]) for name, table in self.tables.items()]
        return torch.cat(embs + [dense], dim=-1)
