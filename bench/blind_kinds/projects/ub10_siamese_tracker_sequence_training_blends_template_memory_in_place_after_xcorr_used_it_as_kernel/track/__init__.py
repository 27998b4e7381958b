from .siamese import SiamTracker
from .template import TemplateMemory

__all__ = ["SiamTracker", "TemplateMemory"]
