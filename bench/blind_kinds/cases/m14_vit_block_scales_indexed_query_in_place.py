import os

import torch
import torch.nn as nn
import torch.nn.functional as F

if os.environ.get("TINY_VIT_WIDE"):
    EMBED, HEADS = 32, 4
else:
    EMBED, HEADS = 16, 2

MIXERS = ("attn", "mlp")


class Attention(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.heads, self.scale = heads, (dim // heads) ** -0.5
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, d = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, d // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        q.mul_(self.scale)  # L
        attn = (q @ k.transpose(-2, -1)).softmax(dim=-1)
        return self.proj((attn @ v).transpose(1, 2).reshape(b, n, d))


class Block(nn.Module):
    def __init__(self, dim=EMBED, heads=HEADS):
        super().__init__()
        self.norms = nn.ModuleDict({name: nn.LayerNorm(dim) for name in MIXERS})
        self.mixers = nn.ModuleDict({
            "attn": Attention(dim, heads),
            "mlp": nn.Sequential(nn.Linear(dim, 2 * dim), nn.Hardswish(inplace=True), nn.Linear(2 * dim, dim)),
        })

    def forward(self, x):
        for name in MIXERS:
            x = x + self.mixers[name](self.norms[name](x))  # L
        return x


class TinyViT(nn.Module):
    def __init__(self, patch_dim=12, n_cls=3, depth=2):
        super().__init__()
        self.embed = nn.Linear(patch_dim, EMBED)
        self.blocks = nn.Sequential(*[Block() for _ in range(depth)])
        self.head = nn.Linear(EMBED, n_cls)

    def forward(self, patches):
        return self.head(self.blocks(self.embed(patches)).mean(1))


def run():
    torch.manual_seed(0)
    model = TinyViT()
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
    for _ in range(2):
        patches, y = torch.randn(2, 4, 12), torch.randint(0, 3, (2,))
        loss = F.cross_entropy(model(patches), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
