import torch

from ..config import EOS
from ..search import BeamSearch


def unigram_cost(hyps, ref):
    """1 - unigram F1 against the reference, per hypothesis (no gradient)."""
    costs = torch.empty(hyps.shape[:2])
    for i in range(hyps.shape[0]):
        r = set(ref[i].tolist())
        for j in range(hyps.shape[1]):
            h = [t for t in hyps[i, j].tolist() if t != EOS]
            hit = sum(t in r for t in h)
            costs[i, j] = 1.0 - (2 * hit / (len(h) + len(r)) if h else 0.0)
    return costs


def expected_risk(model, src, ref, cfg):
    hyps, scores = BeamSearch(cfg.search).search(model, src)  # L
    q = torch.softmax(cfg.alpha * scores, dim=-1)
    return (q * unigram_cost(hyps, ref)).sum(-1).mean()
