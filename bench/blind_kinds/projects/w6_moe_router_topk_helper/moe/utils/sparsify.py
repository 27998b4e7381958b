import torch


def keep_topk_(probs, k, renormalize=True):
    """Zero all but the k largest entries of each row of ``probs`` (in place)."""
    if k >= probs.size(-1):
        return probs
    kth = probs.topk(k, dim=-1).values[..., -1:]
    probs.masked_fill_(probs < kth, 0.0)  # L
    if renormalize:
        probs.div_(probs.sum(-1, keepdim=True))
    return probs


def load_balance(probs):
    frac = probs.gt(0).float().mean(0)
    return (frac * probs.mean(0)).sum() * probs.size(-1)
