"""Stochastic regularisers shared by the block types."""
import torch


def drop_path_(x, p, training):
    """Stochastic depth (Huang et al.): drop whole samples of a residual branch.

    Written in place: the branch output is a temporary nobody else holds, and the
    deep variants of the model are memory bound.
    """
    if p == 0.0 or not training:
        return x
    keep = 1.0 - p
    shape = (x.shape[0],) + (1,) * (x.ndim - 1)
    mask = torch.empty(shape, dtype=x.dtype).bernoulli_(keep)
    return x.div_(keep).mul_(mask)  # L
