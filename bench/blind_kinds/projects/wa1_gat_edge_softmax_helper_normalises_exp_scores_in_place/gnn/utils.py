"""Scatter helpers for message passing over an edge list (no torch_scatter dependency)."""
import torch


def scatter_max(src, index, num_nodes):
    out = torch.full((num_nodes,) + src.shape[1:], float("-inf"))
    return out.scatter_reduce(0, index.view(-1, *([1] * (src.dim() - 1))).expand_as(src), src, "amax")


def scatter_sum(src, index, num_nodes):
    out = torch.zeros((num_nodes,) + src.shape[1:])
    return out.index_add_(0, index, src)


def edge_softmax(scores, dst, num_nodes):
    """Softmax of edge scores over each destination node's incoming edges."""
    scores = scores - scatter_max(scores, dst, num_nodes).detach()[dst]
    alpha = torch.exp(scores)
    alpha.div_(scatter_sum(alpha, dst, num_nodes)[dst] + 1e-16)  # L
    return alpha


def drop_edges(edge_index, p, training):
    """DropEdge: a random subset of the edges for this step."""
    if not training or p == 0.0:
        return edge_index
    keep = torch.rand(edge_index.shape[1]) >= p
    return edge_index[:, keep]
