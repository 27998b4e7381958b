from .losses import heatmap_focal_loss
from .models import HeatmapNet
from .targets import render_heatmaps

__all__ = ["HeatmapNet", "heatmap_focal_loss", "render_heatmaps"]
