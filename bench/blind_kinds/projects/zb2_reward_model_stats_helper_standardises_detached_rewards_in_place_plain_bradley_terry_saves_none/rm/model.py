import torch
import torch.nn as nn


class CausalBlock(nn.Module):
    def __init__(self, d, heads=2):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.MultiheadAttention(d, heads, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(d, 2 * d), nn.GELU(), nn.Linear(2 * d, d))

    def forward(self, x, causal):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, attn_mask=causal, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class RewardModel(nn.Module):
    """A small decoder with a scalar value head read at each sequence's last real token."""

    def __init__(self, vocab=17, d=16, layers=2, max_len=12):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.pos = nn.Parameter(torch.zeros(max_len, d))
        self.blocks = nn.ModuleList(CausalBlock(d) for _ in range(layers))
        self.norm = nn.LayerNorm(d)
        self.value_head = nn.Linear(d, 1)

    def forward(self, ids, lengths):
        n = ids.shape[1]
        causal = torch.triu(torch.ones(n, n, dtype=torch.bool), 1)
        x = self.embed(ids) + self.pos[:n]
        for block in self.blocks:
            x = block(x, causal)
        last = self.norm(x)[torch.arange(ids.shape[0]), lengths - 1]
        return self.value_head(last).squeeze(-1)
