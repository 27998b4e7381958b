"""Sequence packing for a sentence-embedding encoder: the tokenizer packs several short documents
into one row, and the per-token projections are cut back into documents with
`torch.split(hidden, doc_lengths)`; each document's token vectors are centred in place before
mean and max pooling (a cheap whitening step)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def pack(docs):
    """Tokenizer side: concatenate token ids, remember the lengths and per-document positions."""
    ids = torch.cat(docs)
    lengths = [len(d) for d in docs]
    positions = torch.cat([torch.arange(n) for n in lengths])
    return ids, positions, lengths


def documents(hidden, lengths):
    return torch.split(hidden, lengths, dim=0)


class PackedEncoder(nn.Module):
    def __init__(self, vocab=20, d=8, max_len=8):
        super().__init__()
        self.tok = nn.Embedding(vocab, d)
        self.pos = nn.Embedding(max_len, d)
        self.mix = nn.Sequential(nn.Linear(d, d), nn.GELU(), nn.Linear(d, d))

    def forward(self, ids, positions, lengths):
        hidden = self.mix(self.tok(ids) + self.pos(positions))
        pooled = []
        for doc in documents(hidden, lengths):
            doc -= doc.mean(0, keepdim=True)  # L
            pooled.append(torch.cat([doc.mean(0), doc.max(0).values]))
        return torch.stack(pooled)


def run():
    torch.manual_seed(0)
    enc = PackedEncoder()
    opt = torch.optim.SGD(enc.parameters(), lr=0.1)
    for _ in range(2):
        docs = [torch.randint(0, 20, (n,)) for n in (3, 5, 2, 4)]
        emb = F.normalize(enc(*pack(docs)), dim=-1)
        sim = emb @ emb.t() / 0.1
        loss = F.cross_entropy(sim, torch.tensor([1, 0, 3, 2]))
        opt.zero_grad()
        loss.backward()
        opt.step()
