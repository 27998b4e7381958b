from .model import ShuffleNetV2Tiny

__all__ = ["ShuffleNetV2Tiny"]
