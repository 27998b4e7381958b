from .heads import CoarseMaskHead, PointHead
from .refine import MaskRefiner

__all__ = ["CoarseMaskHead", "PointHead", "MaskRefiner"]
