import torch
import torch.nn as nn

from .layers import StyledConv, ToRGB


class Generator(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        sd, ch = cfg["style_dim"], cfg["channels"]
        self.mapping = nn.Sequential(nn.Linear(sd, sd), nn.LeakyReLU(0.2), nn.Linear(sd, sd))
        self.const = nn.Parameter(torch.randn(1, ch, 4, 4))
        self.convs = nn.ModuleList(
            StyledConv(ch, ch, sd, order=cfg["styled_conv_order"]) for _ in range(cfg["n_convs"])
        )
        self.to_rgb = ToRGB(ch, sd)

    def forward(self, z):
        w = self.mapping(z)
        x = self.const.expand(z.shape[0], -1, -1, -1)
        for conv in self.convs:
            x = conv(x, w)  # L
        return self.to_rgb(x, w)
