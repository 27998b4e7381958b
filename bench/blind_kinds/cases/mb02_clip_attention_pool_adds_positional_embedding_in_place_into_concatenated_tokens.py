"""CLIP-style attention pooling (AttentionPool2d) on a small ConvNet, as CLIP writes it: the mean
token is concatenated in front of the flattened feature map first, and the positional embedding
is added in place into the concatenated sequence (a fresh tensor), not into the ReLU's output."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class AttentionPool2d(nn.Module):
    def __init__(self, spatial, dim, heads, out_dim):
        super().__init__()
        self.pos = nn.Parameter(torch.randn(spatial * spatial + 1, dim) / dim ** 0.5)
        self.attn = nn.MultiheadAttention(dim, heads)
        self.proj = nn.Linear(dim, out_dim)

    def forward(self, feat):
        tokens = feat.flatten(2).permute(2, 0, 1)  # (HW, B, C)
        seq = torch.cat([tokens.mean(0, keepdim=True), tokens], dim=0)
        seq += self.pos[:, None]  # L
        out, _ = self.attn(seq[:1], seq, seq, need_weights=False)
        return self.proj(out[0])


class TinyCLIPVision(nn.Module):
    def __init__(self, width=8, spatial=4, embed=6):
        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(3, width, 3, stride=2, padding=1, bias=False),
            nn.BatchNorm2d(width),
            nn.ReLU(),
        )
        self.pool = AttentionPool2d(spatial, width, heads=2, out_dim=embed)

    def forward(self, images):
        return self.pool(self.stem(images))  # L


def run():
    torch.manual_seed(0)
    model = TinyCLIPVision()
    text = nn.Embedding(5, 6)
    opt = torch.optim.AdamW(list(model.parameters()) + list(text.parameters()), lr=1e-3)
    for _ in range(2):
        images, captions = torch.randn(4, 3, 8, 8), torch.randint(0, 5, (4,))
        img = F.normalize(model(images), dim=-1)
        txt = F.normalize(text(captions), dim=-1)
        logits = img @ txt.t() / 0.07
        target = torch.arange(4)
        loss = (F.cross_entropy(logits, target) + F.cross_entropy(logits.t(), target)) / 2
        opt.zero_grad()
        loss.backward()
        opt.step()
