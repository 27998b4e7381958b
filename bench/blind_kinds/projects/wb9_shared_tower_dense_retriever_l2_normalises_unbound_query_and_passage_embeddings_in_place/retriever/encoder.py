import torch.nn as nn


class TextTower(nn.Module):
    """Bag-of-tokens encoder shared by queries and passages (a 'Siamese' dual encoder)."""

    def __init__(self, vocab, d_tok, d):
        super().__init__()
        self.tokens = nn.EmbeddingBag(vocab, d_tok, mode="mean", padding_idx=0)
        self.mlp = nn.Sequential(nn.Linear(d_tok, 2 * d), nn.ReLU(), nn.Linear(2 * d, d))

    def forward(self, ids):
        return self.mlp(self.tokens(ids))
