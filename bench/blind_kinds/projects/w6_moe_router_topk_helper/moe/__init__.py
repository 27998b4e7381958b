from .nn.layer import MoELayer, RouterConfig

__all__ = ["MoELayer", "RouterConfig"]
