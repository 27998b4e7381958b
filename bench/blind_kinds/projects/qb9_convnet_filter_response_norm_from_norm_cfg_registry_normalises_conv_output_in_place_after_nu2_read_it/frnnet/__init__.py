from .models.convnet import FRNConvNet

__all__ = ["FRNConvNet"]
