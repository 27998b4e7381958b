"""Transformer-XL style segment recurrence with a preallocated memory ring buffer: the memory is
concatenated with the segment before the key and value projections, as in the paper, and the new hidden states are written
into the ring buffer with index_copy_ at the end of the layer's forward."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MemoryAttention(nn.Module):
    def __init__(self, d=8, mem_len=4):
        super().__init__()
        self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
        self.register_buffer("memory", torch.zeros(mem_len, d))
        self.register_buffer("cursor", torch.zeros((), dtype=torch.long))
        self.mem_len = mem_len

    def keys_values(self, h):
        ctx = torch.cat([self.memory, h], 0)
        return self.k(ctx), self.v(ctx)

    def write_memory(self, h):
        slots = (self.cursor + torch.arange(h.shape[0])) % self.mem_len
        self.memory.index_copy_(0, slots, h.detach())  # L
        self.cursor.add_(h.shape[0]).remainder_(self.mem_len)

    def forward(self, h):
        k, v = self.keys_values(h)
        attn = torch.softmax(self.q(h) @ k.t() / k.shape[-1] ** 0.5, -1)
        out = h + self.o(attn @ v)
        self.write_memory(h)  # L
        return out


class SegmentLM(nn.Module):
    def __init__(self, vocab=10, d=8):
        super().__init__()
        self.embed = nn.Embedding(vocab, d)
        self.layer = MemoryAttention(d)
        self.out = nn.Linear(d, vocab)

    def forward(self, tokens):
        return self.out(self.layer(self.embed(tokens)))


def run():
    torch.manual_seed(0)
    model = SegmentLM()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    stream = torch.randint(0, 10, (13,))
    for start in range(0, 12, 4):
        seg, nxt = stream[start:start + 4], stream[start + 1:start + 5]
        loss = F.cross_entropy(model(seg), nxt)
        opt.zero_grad()
        loss.backward()
        opt.step()
