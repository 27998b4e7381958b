import torch.nn as nn

from .layers import FactorizationMachine, FeaturesEmbedding, FeaturesLinear, mlp
from .utils import embedding_dropout_


class DeepFM(nn.Module):
    def __init__(self, field_dims, embed_dim=4, mlp_dims=(16, 8), dropout=0.2, embed_dropout=0.1):
        super().__init__()
        self.linear = FeaturesLinear(field_dims)
        self.embedding = FeaturesEmbedding(field_dims, embed_dim)
        self.fm = FactorizationMachine()
        self.deep = mlp(len(field_dims) * embed_dim, mlp_dims, dropout)
        self.embed_dropout = embed_dropout

    def forward(self, x):
        emb = self.embedding(x)
        wide = self.linear(x) + self.fm(emb)
        emb = embedding_dropout_(emb, self.embed_dropout, self.training)  # L
        deep = self.deep(emb.flatten(1))
        return (wide + deep).squeeze(1)
