from .base import ResidualBlockBase
from .blocks import BLOCKS, BasicBlock, CBAMBlock
from .mixins import AttentionRefineMixin
from .resnet import ResNet


def build_model(block, widths, num_classes, reduction):
    return ResNet(BLOCKS[block], widths, num_classes, reduction=reduction)


__all__ = ["AttentionRefineMixin", "BLOCKS", "BasicBlock", "CBAMBlock", "ResNet", "ResidualBlockBase",
           "build_model"]
