"""Bahdanau (additive) attention with the keys projected once per source sentence."""
import torch
import torch.nn as nn


class Attention(nn.Module):
    def precompute(self, memory):
        return memory

    def score(self, keys, query):
        raise NotImplementedError

    def forward(self, keys, memory, query, pad_mask):
        scores = self.score(keys, query).masked_fill(pad_mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        return torch.bmm(weights.unsqueeze(1), memory).squeeze(1), weights


class AdditiveAttention(Attention):
    def __init__(self, d_mem, d_query, d_attn):
        super().__init__()
        self.key = nn.Linear(d_mem, d_attn, bias=False)
        self.query = nn.Linear(d_query, d_attn)
        self.v = nn.Linear(d_attn, 1, bias=False)

    def precompute(self, memory):
        return self.key(memory)

    def score(self, keys, query):
        return self.v(torch.tanh(keys + self.query(query).unsqueeze(1))).squeeze(-1)
