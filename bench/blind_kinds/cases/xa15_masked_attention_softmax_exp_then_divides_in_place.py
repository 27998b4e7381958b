"""Causal self-attention with a hand-written, memory-frugal softmax: subtract the (detached) row
max, exponentiate and normalise, all in place on the score tensor."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


def softmax_(scores, dim=-1):
    peak = scores.amax(dim, keepdim=True).detach()
    scores.sub_(peak).exp_()  # L
    return scores.div_(scores.sum(dim, keepdim=True))  # L


class CausalSelfAttention(nn.Module):
    def __init__(self, d, n_heads):
        super().__init__()
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.h = n_heads

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(x).view(b, t, 3, self.h, d // self.h).permute(2, 0, 3, 1, 4)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.h)
        causal = torch.ones(t, t, dtype=torch.bool).triu(1)
        scores.masked_fill_(causal, float("-inf"))  # L
        attn = softmax_(scores)  # L
        return self.proj((attn @ v).transpose(1, 2).reshape(b, t, d))


def run():
    torch.manual_seed(0)
    emb = nn.Embedding(11, 8)
    attn = CausalSelfAttention(8, 2)
    head = nn.Linear(8, 11)
    params = [*emb.parameters(), *attn.parameters(), *head.parameters()]
    opt = torch.optim.AdamW(params, lr=1e-3)
    for _ in range(2):
        tokens = torch.randint(0, 11, (2, 5))
        h = emb(tokens)
        logits = head(h + attn(h))
        loss = F.cross_entropy(logits[:, :-1].reshape(-1, 11), tokens[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
