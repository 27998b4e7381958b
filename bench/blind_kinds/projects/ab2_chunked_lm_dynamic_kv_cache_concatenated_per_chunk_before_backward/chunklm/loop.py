"""Trains on a long sequence a chunk at a time (bounded activation memory per forward), with
keys and values of earlier chunks kept in caches and one backward over the whole sequence."""
import torch.nn.functional as F

from .cache import make_cache


def train_on_sequence(model, optimizer, tokens, chunk, cache_kind):
    b, n = tokens.shape
    caches = [make_cache(cache_kind, batch=b, heads=model.heads, max_len=n, head_dim=model.dim // model.heads)
              for _ in range(model.depth)]
    losses = []
    for start in range(0, n - 1, chunk):
        inp = tokens[:, start:min(start + chunk, n - 1)]
        tgt = tokens[:, start + 1:start + 1 + inp.shape[1]]
        logits = model(inp, caches)  # L
        losses.append(F.cross_entropy(logits.reshape(-1, logits.shape[-1]), tgt.reshape(-1)))
    loss = sum(losses) / len(losses)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
