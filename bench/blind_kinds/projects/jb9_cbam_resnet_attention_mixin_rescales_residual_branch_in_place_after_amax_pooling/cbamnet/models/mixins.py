import torch
import torch.nn as nn

from ..utils.tensor import scale_channels_, scale_positions_


class AttentionRefineMixin:
    """CBAM (Woo et al., 2018): channel attention from average- and max-pooled descriptors through
    a shared MLP, then spatial attention from channel-pooled maps. The feature map is rescaled in
    place: it is the residual branch's own output, nobody else holds it."""

    def build_attention(self, channels, reduction):
        hidden = max(channels // reduction, 1)
        self.channel_mlp = nn.Sequential(nn.Linear(channels, hidden), nn.ReLU(), nn.Linear(hidden, channels))
        self.spatial_conv = nn.Conv2d(2, 1, 7, padding=3)

    def refine(self, out):
        avg = self.channel_mlp(out.mean(dim=(2, 3)))
        mx = self.channel_mlp(out.amax(dim=(2, 3)))
        scale_channels_(out, torch.sigmoid(avg + mx))  # L
        pooled = torch.cat([out.mean(dim=1, keepdim=True), out.amax(dim=1, keepdim=True)], dim=1)
        scale_positions_(out, torch.sigmoid(self.spatial_conv(pooled)))  # L
        return out
