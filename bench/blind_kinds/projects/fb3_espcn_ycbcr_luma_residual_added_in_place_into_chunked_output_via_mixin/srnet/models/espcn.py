import torch.nn as nn

from ..registry import register
from .base import SRBase
from .residual import GlobalResidualMixin


@register("espcn")
class ESPCN(GlobalResidualMixin, SRBase):
    def __init__(self, scale, features, global_residual):
        super().__init__(scale)
        self.residual_cfg = global_residual
        f1, f2 = features
        self.body = nn.Sequential(
            nn.Conv2d(3, f1, 5, padding=2), nn.Tanh(),
            nn.Conv2d(f1, f2, 3, padding=1), nn.Tanh(),
            nn.Conv2d(f2, 3 * scale ** 2, 3, padding=1),
        )
        self.shuffle = nn.PixelShuffle(scale)

    def reconstruct(self, lr):
        return self.shuffle(self.body(lr))
