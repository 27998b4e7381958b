import torch


def normalized_adjacency(edge_index, num_nodes):
    """D^-1/2 (A + I) D^-1/2 as a dense matrix (small graphs)."""
    adj = torch.eye(num_nodes)
    adj[edge_index[0], edge_index[1]] = 1.0
    adj[edge_index[1], edge_index[0]] = 1.0
    d = adj.sum(1).pow(-0.5)
    return d[:, None] * adj * d[None, :]


def drop_edges_(adj, p):
    """DropEdge on a dense adjacency, in place: zero a random subset of entries and rescale the rest."""
    keep = (torch.rand_like(adj) >= p).float()
    return adj.mul_(keep / (1.0 - p))  # L
