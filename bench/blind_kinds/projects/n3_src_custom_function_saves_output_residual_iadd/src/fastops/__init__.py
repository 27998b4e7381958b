"""Hand-fused activations (a custom autograd Function each, to keep one tensor per layer)."""
from .functions import ScaledTanh

scaled_tanh = ScaledTanh.apply

__all__ = ["ScaledTanh", "scaled_tanh"]
