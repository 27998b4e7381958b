from .callbacks import WiSECallback
from .soup import interpolate_weights_, snapshot

__all__ = ["WiSECallback", "interpolate_weights_", "snapshot"]
