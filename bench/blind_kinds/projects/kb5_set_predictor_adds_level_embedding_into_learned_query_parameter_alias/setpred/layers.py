import torch
import torch.nn as nn


def add_level_embedding_(queries, level):
    """Tags the queries with the feature level they attend to (in place: no extra copy)."""
    queries += level  # L
    return queries


class QueryDecoder(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.source = cfg.query_source
        if self.source == "parameter":
            self.query_param = nn.Parameter(torch.randn(cfg.n_queries, cfg.d_model) * 0.1)
        else:
            self.query_embed = nn.Embedding(cfg.n_queries, cfg.d_model)
        self.level_embed = nn.Parameter(torch.zeros(cfg.d_model))
        self.attn = nn.MultiheadAttention(cfg.d_model, cfg.n_heads, batch_first=True)

    @property
    def queries(self):
        if self.source == "parameter":
            return self.query_param
        return self.query_embed(torch.arange(self.query_embed.num_embeddings))

    def forward(self, memory):
        q = add_level_embedding_(self.queries, self.level_embed)  # L
        q = q.unsqueeze(0).expand(memory.shape[0], -1, -1)
        out, _ = self.attn(q, memory, memory)
        return out
