from .base import ResidualBlockBase
from .mixins import AttentionRefineMixin


class BasicBlock(ResidualBlockBase):
    def __init__(self, c_in, c_out, stride=1, reduction=None):
        super().__init__(c_in, c_out, stride)


class CBAMBlock(AttentionRefineMixin, ResidualBlockBase):
    def __init__(self, c_in, c_out, stride=1, reduction=16):
        super().__init__(c_in, c_out, stride)
        self.build_attention(c_out, reduction)


BLOCKS = {"basic": BasicBlock, "cbam": CBAMBlock}
