import torch.nn.functional as F

from .base import ProxyLoss


class ProxyAnchorLoss(ProxyLoss):
    def __init__(self, n_classes, embed_dim, margin=0.1, alpha=32.0):
        super().__init__(n_classes, embed_dim)
        self.margin, self.alpha = margin, alpha

    def forward(self, emb, labels):
        cos = self.cosine(emb)  # L
        pos = F.one_hot(labels, cos.shape[1]).bool()
        pos_exp = (-self.alpha * (cos - self.margin)).exp().masked_fill(~pos, 0.0)
        neg_exp = (self.alpha * (cos + self.margin)).exp().masked_fill(pos, 0.0)
        with_pos = pos.any(0)
        pos_term = (1 + pos_exp.sum(0)[with_pos]).log().sum() / with_pos.sum()
        neg_term = (1 + neg_exp.sum(0)).log().sum() / cos.shape[1]
        return pos_term + neg_term
