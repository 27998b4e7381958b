import torch.nn as nn
import torch.utils.checkpoint as ckpt

from .config import EncoderConfig
from .layers import TanhGatedMLP


class Encoder(nn.Module):
    def __init__(self, cfg: EncoderConfig):
        super().__init__()
        self.cfg = cfg
        self.stem = nn.Linear(cfg.d_in, cfg.width)
        self.layers = nn.ModuleList(TanhGatedMLP(cfg.width) for _ in range(cfg.depth))
        self.out = nn.Linear(cfg.width, 1)

    def _update(self, layer, h):
        if self.cfg.grad_checkpointing and self.training:
            return ckpt.checkpoint(layer, h, use_reentrant=False)
        return layer(h)

    def forward(self, x):
        h = self.stem(x)
        for layer in self.layers:
            upd = self._update(layer, h)
            upd += h  # L
            h = upd
        return self.out(h)
