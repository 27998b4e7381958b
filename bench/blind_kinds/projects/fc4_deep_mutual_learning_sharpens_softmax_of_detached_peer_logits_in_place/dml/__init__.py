from .peers import build_peers
from .losses import mutual_loss

__all__ = ["build_peers", "mutual_loss"]
