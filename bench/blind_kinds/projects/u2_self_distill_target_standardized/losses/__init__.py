from .feature import StandardizedFeatureLoss

__all__ = ["StandardizedFeatureLoss"]
