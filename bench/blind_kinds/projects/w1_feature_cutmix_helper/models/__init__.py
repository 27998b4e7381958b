from .cnn import SmallCNN

__all__ = ["SmallCNN"]
