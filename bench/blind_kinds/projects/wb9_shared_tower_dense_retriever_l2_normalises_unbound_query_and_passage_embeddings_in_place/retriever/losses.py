import torch
import torch.nn.functional as F


def in_batch_negatives_loss(q, p, temperature=0.05):
    logits = q @ p.t() / temperature
    return F.cross_entropy(logits, torch.arange(q.shape[0]))
