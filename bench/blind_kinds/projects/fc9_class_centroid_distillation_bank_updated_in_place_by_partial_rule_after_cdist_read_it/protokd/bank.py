import torch
import torch.nn as nn


class CentroidBank(nn.Module):
    """Per-class centroids of the teacher's embeddings, tracked with a momentum."""

    def __init__(self, n_cls, dim):
        super().__init__()
        self.register_buffer("centroids", torch.zeros(n_cls, dim))


def batch_means(feats, labels, n_cls):
    sums = torch.zeros(n_cls, feats.shape[1]).index_add_(0, labels, feats)
    counts = torch.bincount(labels, minlength=n_cls).clamp_min(1).unsqueeze(1)
    return sums / counts


@torch.no_grad()
def ema_inplace(bank, feats, labels, momentum):
    means = batch_means(feats, labels, bank.centroids.shape[0])
    bank.centroids.mul_(momentum).add_(means, alpha=1 - momentum)  # L


@torch.no_grad()
def ema_rebind(bank, feats, labels, momentum):
    means = batch_means(feats, labels, bank.centroids.shape[0])
    bank.centroids = bank.centroids * momentum + means * (1 - momentum)


UPDATE_RULES = {"ema_inplace": ema_inplace, "ema_rebind": ema_rebind}
