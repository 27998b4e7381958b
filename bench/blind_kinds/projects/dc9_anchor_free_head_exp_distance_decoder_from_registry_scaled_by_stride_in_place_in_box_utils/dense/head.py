import torch
import torch.nn as nn

from .decoders import build_decoder


class Scale(nn.Module):
    def __init__(self, init=1.0):
        super().__init__()
        self.scale = nn.Parameter(torch.tensor(init))

    def forward(self, x):
        return x * self.scale


class DenseHead(nn.Module):
    """Shared conv tower over the levels; returns per level (cls_logits, distances), points first."""

    def __init__(self, ch, num_classes, decoder_cfg, levels=2):
        super().__init__()
        self.decoder = build_decoder(decoder_cfg)
        self.tower = nn.Sequential(nn.Conv2d(ch, ch, 3, padding=1), nn.GroupNorm(2, ch), nn.ReLU())
        self.cls = nn.Conv2d(ch, num_classes, 3, padding=1)
        self.reg = nn.Conv2d(ch, self.decoder.channels, 3, padding=1)
        self.scales = nn.ModuleList(Scale() for _ in range(levels))

    def forward(self, feats):
        outs = []
        for feat, scale in zip(feats, self.scales):
            t = self.tower(feat)
            reg = scale(self.reg(t)).permute(0, 2, 3, 1)
            outs.append((self.cls(t).permute(0, 2, 3, 1), self.decoder(reg)))
        return outs
