import torch
import torch.nn as nn

BLOCKS = {}


def register_block(name):
    def deco(cls):
        BLOCKS[name] = cls
        return cls
    return deco


class Classifier(nn.Module):
    def __init__(self, d_in, dim, blocks, n_classes):
        super().__init__()
        self.stem = nn.Linear(d_in, dim)
        self.blocks = nn.ModuleList(blocks)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, x):
        h = self.stem(x)
        for blk in self.blocks:
            h = blk(h)  # L
        return self.head(h)


def build_model(block="tanh_mlp", d_in=6, dim=8, depth=3, drop_path_rate=0.0, n_classes=3, **block_kwargs):
    # linearly increasing drop rate over depth, as in the DeiT/timm recipes
    rates = [r.item() for r in torch.linspace(0, drop_path_rate, depth)]
    cls = BLOCKS[block]
    return Classifier(d_in, dim, [cls(dim, drop_path=r, **block_kwargs) for r in rates], n_classes)
