import torch.nn as nn
import torch.nn.functional as F

from .layers import CausalConv1d, ResidualLayer


class WaveNet(nn.Module):
    def __init__(self, n_classes=16, res_ch=8, skip_ch=8, dilations=(1, 2, 4, 1, 2, 4), split="slice"):
        super().__init__()
        self.embed = nn.Embedding(n_classes, res_ch)
        self.causal = CausalConv1d(res_ch, res_ch, 2)
        self.layers = nn.ModuleList(ResidualLayer(res_ch, skip_ch, d, split) for d in dilations)
        self.post = nn.Sequential(nn.ReLU(), nn.Conv1d(skip_ch, skip_ch, 1), nn.ReLU(), nn.Conv1d(skip_ch, n_classes, 1))

    def forward(self, tokens):
        x = self.causal(self.embed(tokens).transpose(1, 2))
        skips = 0
        for layer in self.layers:
            x, skip = layer(x)  # L
            skips = skips + skip
        return self.post(skips)

    def loss(self, tokens):
        logits = self(tokens[:, :-1])
        return F.cross_entropy(logits, tokens[:, 1:])
