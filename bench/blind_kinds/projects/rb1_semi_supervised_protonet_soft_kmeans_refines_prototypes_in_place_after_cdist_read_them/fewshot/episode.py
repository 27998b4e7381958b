"""Semi-supervised prototypical networks (Ren et al. 2018): prototypes from the labelled support set
are refined by one soft k-means step over the unlabelled examples before the queries are scored."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from .distances import DISTANCES
from .protos import class_means, refine_


class EpisodeLoss(nn.Module):
    def __init__(self, embed, n_way, distance="cdist"):
        super().__init__()
        self.embed, self.n_way = embed, n_way
        self.distance = DISTANCES[distance]

    def forward(self, support, support_y, unlabeled, query, query_y):
        emb = self.embed(torch.cat([support, unlabeled, query]))
        s, u, q = emb.split([len(support), len(unlabeled), len(query)])
        protos = class_means(s, support_y, self.n_way)
        counts = torch.bincount(support_y, minlength=self.n_way).float()
        protos = refine_(protos, counts, u, -self.distance(u, protos))  # L
        return F.cross_entropy(-self.distance(q, protos), query_y)
