from .backbone import Backbone
from .heads import HEADS
from .roi import crop_rois

__all__ = ["Backbone", "HEADS", "crop_rois"]
