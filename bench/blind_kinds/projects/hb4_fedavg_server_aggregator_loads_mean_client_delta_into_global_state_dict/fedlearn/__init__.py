from .aggregators import build_aggregator
from .models import build_model
from .server import Server

__all__ = ["Server", "build_aggregator", "build_model"]
