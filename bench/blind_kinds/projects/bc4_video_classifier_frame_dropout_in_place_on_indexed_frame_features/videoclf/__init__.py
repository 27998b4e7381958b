from .model import VideoClassifier

__all__ = ["VideoClassifier"]
