import torch
import torch.nn as nn

from ..utils import l2_normalize_


class ProxyLoss(nn.Module):
    """Holds one proxy per class; subclasses score normalised embeddings against them."""

    def __init__(self, n_classes, embed_dim):
        super().__init__()
        self.proxies = nn.Parameter(torch.randn(n_classes, embed_dim))
        nn.init.kaiming_normal_(self.proxies, mode="fan_out")

    def unit_proxies(self):
        # proxies live on the unit sphere; keep them there instead of renormalising a copy each step
        return l2_normalize_(self.proxies)  # L

    def cosine(self, emb):
        emb = nn.functional.normalize(emb, dim=-1)
        return emb @ self.unit_proxies().t()  # L
