import torch
import torch.nn as nn

from .encoder import TextTower
from .utils import l2_normalise_


class SharedTowerRetriever(nn.Module):
    def __init__(self, vocab=50, d_tok=12, d=8):
        super().__init__()
        self.tower = TextTower(vocab, d_tok, d)

    def forward(self, query_ids, passage_ids):
        # one tower call for both sides: pad to a common length and encode as one batch
        b = query_ids.shape[0]
        t = max(query_ids.shape[1], passage_ids.shape[1])
        pairs = torch.zeros(b, 2, t, dtype=torch.long)
        pairs[:, 0, :query_ids.shape[1]] = query_ids
        pairs[:, 1, :passage_ids.shape[1]] = passage_ids
        emb = self.tower(pairs.flatten(0, 1)).view(b, 2, -1)
        q, p = emb.unbind(1)
        return l2_normalise_(q), l2_normalise_(p)  # L
