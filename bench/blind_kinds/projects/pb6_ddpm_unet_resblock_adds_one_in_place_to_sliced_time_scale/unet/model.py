import torch.nn as nn

from .blocks import ResBlock, timestep_embedding


class TinyUNet(nn.Module):
    def __init__(self, channels=8, emb_dim=16, depth=2, split="chunk"):
        super().__init__()
        self.emb_dim = emb_dim
        self.time_embed = nn.Sequential(nn.Linear(emb_dim, emb_dim), nn.SiLU(), nn.Linear(emb_dim, emb_dim))
        self.inp = nn.Conv2d(1, channels, 3, padding=1)
        self.down = nn.ModuleList(ResBlock(channels, emb_dim, split) for _ in range(depth))
        self.pool = nn.AvgPool2d(2)
        self.mid = ResBlock(channels, emb_dim, split)
        self.up = nn.Upsample(scale_factor=2)
        self.outp = nn.Conv2d(channels, 1, 3, padding=1)

    def forward(self, x, t):
        emb = self.time_embed(timestep_embedding(t, self.emb_dim))
        h = self.inp(x)
        for block in self.down:
            h = block(h, emb)
        h = self.up(self.mid(self.pool(h), emb))
        return self.outp(h)
