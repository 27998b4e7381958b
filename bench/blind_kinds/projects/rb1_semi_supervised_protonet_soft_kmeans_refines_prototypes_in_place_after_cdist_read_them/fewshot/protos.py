"""Prototype helpers: class means of the support set and the soft k-means refinement."""
import torch


def class_means(emb, labels, n_way):
    return torch.stack([emb[labels == c].mean(0) for c in range(n_way)])


def refine_(protos, counts, unlabeled, logits):
    """One soft k-means step, written in place on the prototype tensor."""
    soft = logits.softmax(dim=1)
    protos.mul_(counts.unsqueeze(1)).add_(soft.t() @ unlabeled)  # L
    protos.div_((counts + soft.sum(0)).unsqueeze(1))  # L
    return protos
