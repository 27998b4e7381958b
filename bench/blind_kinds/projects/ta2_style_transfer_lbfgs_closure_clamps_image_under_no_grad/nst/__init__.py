from .build import build_loss_net
from .losses import ContentLoss, StyleLoss, gram_matrix
from .optimize import stylize

__all__ = ["build_loss_net", "ContentLoss", "StyleLoss", "gram_matrix", "stylize"]
