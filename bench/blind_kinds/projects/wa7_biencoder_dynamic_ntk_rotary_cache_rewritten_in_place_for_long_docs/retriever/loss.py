import torch
import torch.nn.functional as F


def info_nce(q, p, temperature=0.05):
    logits = q @ p.t() / temperature
    return F.cross_entropy(logits, torch.arange(q.shape[0]))
