import torch
import torch.nn.functional as F


def masked_consistency(logits_s, pseudo, mask):
    return (F.cross_entropy(logits_s, pseudo, reduction="none") * mask).mean()


def fairness(probs_s, mask, p_model, eps=1e-8):
    """Self-adaptive fairness: the class prior (already a distribution) against the mean
    prediction on the confident strong views."""
    w = mask[:, None]
    mean_s = (probs_s * w).sum(dim=0) + eps
    mean_s = mean_s / mean_s.sum()
    return -(p_model * torch.log(mean_s)).sum()
