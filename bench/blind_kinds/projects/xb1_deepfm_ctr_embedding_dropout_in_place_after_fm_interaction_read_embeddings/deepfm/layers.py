import torch
import torch.nn as nn


class FeaturesEmbedding(nn.Module):
    """One table for every field, each field's ids shifted by an offset (as in pytorch-fm)."""

    def __init__(self, field_dims, embed_dim):
        super().__init__()
        self.embedding = nn.Embedding(sum(field_dims), embed_dim)
        offsets = torch.tensor([0] + list(field_dims[:-1])).cumsum(0)
        self.register_buffer("offsets", offsets)

    def forward(self, x):
        return self.embedding(x + self.offsets)


class FeaturesLinear(nn.Module):
    def __init__(self, field_dims):
        super().__init__()
        self.fc = FeaturesEmbedding(field_dims, 1)
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x):
        return self.fc(x).sum(dim=1) + self.bias


class FactorizationMachine(nn.Module):
    """Second-order interactions in O(F * D): 0.5 * ((sum v)^2 - sum v^2)."""

    def forward(self, emb):
        square_of_sum = emb.sum(dim=1) ** 2
        sum_of_square = (emb ** 2).sum(dim=1)
        ix = square_of_sum.sub_(sum_of_square)
        return 0.5 * ix.sum(dim=1, keepdim=True)


def mlp(d_in, dims, dropout):
    layers = []
    for d in dims:
        layers += [nn.Linear(d_in, d), nn.BatchNorm1d(d), nn.ReLU(), nn.Dropout(dropout)]
        d_in = d
    layers.append(nn.Linear(d_in, 1))
    return nn.Sequential(*layers)
