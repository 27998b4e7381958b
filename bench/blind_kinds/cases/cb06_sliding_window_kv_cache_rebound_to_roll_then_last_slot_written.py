"""A streaming decoder trained token by token with teacher forcing and one backward per sequence:
the attention keeps a sliding window of the last W keys and values, shifted left by one slot each
step by rebinding the buffer to its roll (a new tensor) before the new key is written into the last slot."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SlidingWindowCache:
    def __init__(self, batch, window, dim):
        self.k = torch.zeros(batch, window, dim)
        self.v = torch.zeros(batch, window, dim)
        self.filled = 0

    def push(self, k, v):
        self.k = self.k.roll(-1, dims=1)
        self.v = self.v.roll(-1, dims=1)
        self.k[:, -1] = k  # L
        self.v[:, -1] = v  # L
        self.filled = min(self.filled + 1, self.k.shape[1])
        return self.k[:, -self.filled:], self.v[:, -self.filled:]


class StreamingDecoder(nn.Module):
    def __init__(self, vocab=7, dim=8, window=3):
        super().__init__()
        self.window = window
        self.embed = nn.Embedding(vocab, dim)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.out = nn.Linear(dim, vocab)

    def forward(self, tokens):
        batch, length = tokens.shape
        cache = SlidingWindowCache(batch, self.window, self.embed.embedding_dim)
        logits = []
        for t in range(length):
            q, k, v = self.qkv(self.embed(tokens[:, t])).chunk(3, dim=-1)
            keys, values = cache.push(k, v)
            attn = torch.softmax((keys @ q[:, :, None]).squeeze(-1) / keys.shape[-1] ** 0.5, dim=-1)
            ctx = (attn[:, None, :] @ values).squeeze(1)
            logits.append(self.out(ctx))
        return torch.stack(logits, dim=1)


def run():
    torch.manual_seed(0)
    model = StreamingDecoder()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(2):
        tokens = torch.randint(0, 7, (2, 6))
        logits = model(tokens[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, 7), tokens[:, 1:].reshape(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
