"""Adding new tokens to a small language model before fine-tuning (hand-written ``resize_token_embeddings``).

``grow_vocab`` finds the embedding by its dotted path, builds a larger ``nn.Embedding``, copies the
old rows into it and initialises the new rows at the mean of the old ones -- with grad mode on,
so the row slice it writes is a view of a leaf that requires grad.
"""
import functools

import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyLM(nn.Module):
    def __init__(self, vocab=10, dim=8):
        super().__init__()
        self.tok = nn.Embedding(vocab, dim)
        self.mix = nn.GRU(dim, dim, batch_first=True)
        self.out = nn.Linear(dim, vocab)

    def forward(self, ids):
        h, _ = self.mix(self.tok(ids))
        return self.out(h)


def _parent_and_name(model, path):
    *parents, name = path.split(".")
    return functools.reduce(getattr, parents, model), name


def grow_vocab(model, n_new, path="tok"):
    parent, name = _parent_and_name(model, path)
    old = getattr(parent, name)
    new = nn.Embedding(old.num_embeddings + n_new, old.embedding_dim)
    n_old = old.num_embeddings
    new.weight[:n_old] = old.weight  # L
    new.weight[n_old:] = old.weight.mean(0, keepdim=True)
    setattr(parent, name, new)
    return new


def run():
    torch.manual_seed(0)
    lm = TinyLM()
    emb = grow_vocab(lm, n_new=2)  # L
    out_old = lm.out
    lm.out = nn.Linear(out_old.in_features, emb.num_embeddings)
    opt = torch.optim.AdamW(lm.parameters(), lr=1e-3)
    for _ in range(2):
        ids = torch.randint(0, emb.num_embeddings, (2, 5))
        logits = lm(ids[:, :-1])
        loss = F.cross_entropy(logits.flatten(0, 1), ids[:, 1:].flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()
