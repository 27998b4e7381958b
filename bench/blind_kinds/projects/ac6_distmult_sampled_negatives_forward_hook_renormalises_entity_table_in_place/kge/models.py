import torch
import torch.nn as nn
import torch.nn.functional as F

from .sampling import corrupt_tails


class DistMult(nn.Module):
    def __init__(self, n_entities, n_relations, dim, scoring="one_to_n", negatives=5):
        super().__init__()
        self.entity = nn.Embedding(n_entities, dim)
        self.relation = nn.Embedding(n_relations, dim)
        nn.init.normal_(self.entity.weight, std=0.3)
        nn.init.normal_(self.relation.weight, std=0.3)
        self.scoring, self.negatives = scoring, negatives

    def query(self, h, r):
        return self.entity(h) * self.relation(r)

    def loss_one_to_n(self, h, r, t):
        """Score every entity as the tail (ConvE-style 1-N scoring)."""
        return F.cross_entropy(self.query(h, r) @ self.entity.weight.t(), t)

    def loss_sampled(self, h, r, t):
        q = self.query(h, r)
        candidates = torch.cat([t.unsqueeze(1), corrupt_tails(t, self.entity.num_embeddings, self.negatives)], 1)
        scores = (q.unsqueeze(1) * self.entity(candidates)).sum(-1)
        return F.cross_entropy(scores, torch.zeros_like(t))

    def forward(self, triples):
        h, r, t = triples.unbind(1)
        return getattr(self, f"loss_{self.scoring}")(h, r, t)
