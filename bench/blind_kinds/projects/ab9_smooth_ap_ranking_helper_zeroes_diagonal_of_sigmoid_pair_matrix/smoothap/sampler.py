import torch


def pk_batches(features, labels, p=3, k=3, n_batches=3, seed=0):
    """P classes with K samples each per batch, so every query has positives."""
    g = torch.Generator().manual_seed(seed)
    classes = labels.unique()
    for _ in range(n_batches):
        chosen = classes[torch.randperm(len(classes), generator=g)[:p]]
        idx = []
        for c in chosen.tolist():
            members = (labels == c).nonzero().squeeze(1)
            idx.append(members[torch.randperm(len(members), generator=g)[:k]])
        idx = torch.cat(idx)
        yield features[idx], labels[idx]
