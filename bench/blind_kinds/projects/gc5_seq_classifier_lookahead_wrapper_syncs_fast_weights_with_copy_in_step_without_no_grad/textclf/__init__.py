from .model import BiGRUClassifier

__all__ = ["BiGRUClassifier"]
