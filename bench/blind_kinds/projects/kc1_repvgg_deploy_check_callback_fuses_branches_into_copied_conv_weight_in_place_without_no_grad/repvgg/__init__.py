from .blocks import RepVGGBlock, RepVGGNet
from .callbacks import DeployCheck

__all__ = ["RepVGGBlock", "RepVGGNet", "DeployCheck"]
