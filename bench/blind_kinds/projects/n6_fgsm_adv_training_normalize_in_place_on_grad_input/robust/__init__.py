from . import attacks
from .models import SmallCNN
from .transforms import build_transform

__all__ = ["attacks", "SmallCNN", "build_transform"]
