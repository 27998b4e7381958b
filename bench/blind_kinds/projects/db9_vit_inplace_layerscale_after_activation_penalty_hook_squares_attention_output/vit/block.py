import torch
import torch.nn as nn

from .layers import Attention, LayerScale, Mlp


class Block(nn.Module):
    def __init__(self, dim, heads, mlp_ratio=2, init_values=1e-5, ls_inplace=False):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.ls1 = LayerScale(dim, init_values, inplace=ls_inplace)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, mlp_ratio * dim)
        self.ls2 = LayerScale(dim, init_values, inplace=ls_inplace)

    def forward(self, x):
        x = x + self.ls1(self.attn(self.norm1(x)))  # L
        return x + self.ls2(self.mlp(self.norm2(x)))


class TinyViT(nn.Module):
    def __init__(self, patch=4, dim=8, depth=2, heads=2, n_classes=3, **block_kw):
        super().__init__()
        self.patch_embed = nn.Conv2d(3, dim, patch, stride=patch)
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))
        self.blocks = nn.ModuleList(Block(dim, heads, **block_kw) for _ in range(depth))
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, n_classes)

    def forward(self, img):
        x = self.patch_embed(img).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(len(x), -1, -1), x], dim=1)
        for blk in self.blocks:
            x = blk(x)  # L
        return self.head(self.norm(x[:, 0]))
