"""Class conditioning for classifier-free guidance."""
import torch
import torch.nn as nn

ACTIVATIONS = {"relu": nn.ReLU, "silu": nn.SiLU, "gelu": nn.GELU}


class ClassEmbedder(nn.Module):
    def __init__(self, num_classes, dim, act="silu"):
        super().__init__()
        self.table = nn.Embedding(num_classes, dim)
        self.proj = nn.Linear(dim, dim)
        self.act = ACTIVATIONS[act]()

    def forward(self, y):
        return self.act(self.proj(self.table(y)))


def drop_conditions_(c, p, null):
    """Replace a random fraction p of the rows of c by the null condition, in place."""
    mask = torch.rand(c.shape[0]) < p
    c[mask] = null.to(c.dtype)  # L
    return c
