import torch
import torch.nn as nn

from .cache import KVCache


class DecoderStep(nn.Module):
    def __init__(self, vocab, d):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.q, self.k, self.v = nn.Linear(d, d), nn.Linear(d, d), nn.Linear(d, d)
        self.cross = nn.Linear(d, d)
        self.out = nn.Linear(d, vocab)

    def forward(self, token, memory, cache):
        x = self.embed(token)
        keys, values = cache.append(self.k(x), self.v(x))  # L
        attn = torch.softmax((self.q(x)[:, None] @ keys.transpose(1, 2)) / x.shape[-1] ** 0.5, -1)
        h = x + (attn @ values)[:, 0]
        cross = torch.softmax(memory @ self.cross(h)[:, :, None], 1)
        h = h + (cross * memory).sum(1)
        return self.out(h)


class Seq2Seq(nn.Module):
    def __init__(self, vocab=12, d=8, bos=1):
        super().__init__()
        self.src_embed = nn.Embedding(vocab, d)
        self.encoder = nn.GRU(d, d, batch_first=True)
        self.step = DecoderStep(vocab, d)
        self.bos, self.d = bos, d

    def forward(self, src, tgt, sampler):
        memory, _ = self.encoder(self.src_embed(src))
        B, T = tgt.shape
        cache = KVCache(B, T, self.d)
        token = torch.full((B,), self.bos)
        logits = []
        for t in range(T):
            step_logits = self.step(token, memory, cache)  # L
            logits.append(step_logits)
            token = sampler.next_input(step_logits, tgt[:, t])
        return torch.stack(logits, 1)
