"""Memory-lean building blocks used by the attention layers."""
import torch


def softmax_(scores, dim=-1):
    """Numerically stable softmax that reuses the score buffer.

    The scores are a fresh matmul result, so they are overwritten with
    exp(s - max) instead of allocating a second (B, H, T, T) tensor.
    """
    m = scores.amax(dim, keepdim=True).detach()
    scores.sub_(m).exp_()  # L
    return scores / scores.sum(dim, keepdim=True)


def split_heads(x, heads):
    b, t, d = x.shape
    return x.view(b, t, heads, d // heads).transpose(1, 2)


def merge_heads(x):
    b, h, t, dh = x.shape
    return x.transpose(1, 2).reshape(b, t, h * dh)
