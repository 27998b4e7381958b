import torch.nn as nn

from fastops import scaled_tanh

BLOCKS = {}


def block(kind):
    def deco(cls):
        BLOCKS[kind] = cls
        return cls
    return deco


@block("tanh_mlp")
class TanhMLPBlock(nn.Module):
    def __init__(self, dim, scale=1.7159, project_out=False):
        super().__init__()
        self.fc = nn.Linear(dim, dim)
        self.scale = scale
        self.proj = nn.Linear(dim, dim) if project_out else None

    def forward(self, x):
        out = scaled_tanh(self.fc(x), self.scale)
        if self.proj is not None:
            out = self.proj(out)
        out += x  # L
        return out


def build_block(kind, dim, **kwargs):
    return BLOCKS[kind](dim, **kwargs)
