from .blocks import SEBlock, SEResNet, SqueezeExcite
from .pruning import ChannelMasker

__all__ = ["SEBlock", "SEResNet", "SqueezeExcite", "ChannelMasker"]
