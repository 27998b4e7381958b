import torch


def corrupt_tails(tails, n_entities, k):
    """k uniformly drawn replacement tails per triple, never the true tail."""
    neg = torch.randint(0, n_entities - 1, (tails.size(0), k))
    return neg + (neg >= tails.unsqueeze(1)).long()
