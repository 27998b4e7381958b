import torch.nn as nn

import layers


class PooledClassifier(nn.Module):
    def __init__(self, vocab, dim, classes, **pool_kwargs):
        super().__init__()
        self.embed = nn.Embedding(vocab, dim, padding_idx=0)
        self.pool = layers.AttentionPool(dim, **pool_kwargs)
        self.out = nn.Linear(dim * self.pool.queries.shape[0], classes)

    def forward(self, tokens):
        pad = tokens.eq(0)
        return self.out(self.pool(self.embed(tokens), pad))
