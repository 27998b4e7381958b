"""Dense adjacency helpers (small graphs: dense is simpler than sparse here)."""
import torch


def add_self_loops(adj, weight=1.0):
    return adj + weight * torch.eye(adj.shape[0])


def row_normalize_(adj):
    """Random-walk normalisation D^-1 A, in place."""
    return adj.div_(adj.sum(1, keepdim=True))  # L
