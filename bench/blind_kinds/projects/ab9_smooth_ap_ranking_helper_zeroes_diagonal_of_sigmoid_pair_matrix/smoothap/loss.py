import torch
import torch.nn as nn
import torch.nn.functional as F

from . import ranking


class SmoothAP(nn.Module):
    def __init__(self, tau=0.01):
        super().__init__()
        self.tau = tau

    def forward(self, emb, labels):
        emb = F.normalize(emb, dim=-1)
        sim = emb @ emb.t()
        n = len(labels)
        not_query = ~torch.eye(n, dtype=torch.bool)
        pos = (labels[:, None] == labels[None, :]) & not_query
        sg = ranking.exclude_self_pairs_(ranking.smoothed_indicator(sim, self.tau))  # L
        sg = sg * not_query.unsqueeze(1)  # the query itself is not ranked
        rank_all = 1.0 + sg.sum(-1)
        rank_pos = 1.0 + (sg * pos.unsqueeze(1)).sum(-1)
        ap = ((rank_pos / rank_all) * pos).sum(-1) / pos.sum(-1).clamp(min=1)
        return 1.0 - ap.mean()
