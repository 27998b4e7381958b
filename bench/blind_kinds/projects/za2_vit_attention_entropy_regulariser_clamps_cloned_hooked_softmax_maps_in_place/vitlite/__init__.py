from .blocks import TinyViT
from .probes import AttentionRecorder

__all__ = ["AttentionRecorder", "TinyViT"]
