from .factory import ACTIVATIONS, NORMS, norm_act_conv
from .model import PreActResNet

__all__ = ["ACTIVATIONS", "NORMS", "PreActResNet", "norm_act_conv"]
