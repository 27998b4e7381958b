import torch


def cluster_sizes(assign, k):
    return torch.bincount(assign, minlength=k)


def reseed_dead_(head, z, dist):
    """Move every empty prototype onto the code farthest from its own prototype."""
    assign = dist.argmin(1)
    dead = (cluster_sizes(assign, head.centroids.size(0)) == 0).nonzero().flatten()
    worst = dist.min(1).values.argsort(descending=True)
    for k, row in zip(dead.tolist(), worst.tolist()):
        head.centroids[k] = z[row]  # L
    return len(dead)
