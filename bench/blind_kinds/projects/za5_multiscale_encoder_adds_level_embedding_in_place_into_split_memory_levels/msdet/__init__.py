from .model import MultiScaleClassifier

__all__ = ["MultiScaleClassifier"]
