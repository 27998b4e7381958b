import torch.nn as nn

from . import ops
from .blocks import GenericBlock, TrendBlock

BLOCK_TYPES = {"generic": GenericBlock, "trend": TrendBlock}


class NBeats(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.fused_residual = cfg["fused_residual"]
        self.blocks = nn.ModuleList(
            BLOCK_TYPES[kind](cfg["backcast_len"], cfg["horizon"], cfg["hidden"]) for kind in cfg["stack"])

    def forward(self, x):
        residual = x.flip(-1)
        forecast = x.new_zeros(x.shape[0], self.blocks[0].horizon)
        for block in self.blocks:
            backcast, block_forecast = block(residual)
            if self.fused_residual:
                residual = ops.remove_backcast_(residual, backcast)  # L
            else:
                residual = residual - backcast
            forecast = ops.accumulate_(forecast, block_forecast)  # L
        return forecast
