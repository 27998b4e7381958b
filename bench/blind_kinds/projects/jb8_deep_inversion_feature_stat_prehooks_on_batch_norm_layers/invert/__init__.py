from .configs import CONFIG
from .engine import Inverter, calibrate_reference
from .models import build_backbone
from .utils import random_real_batch

__all__ = ["CONFIG", "Inverter", "build_backbone", "calibrate_reference", "random_real_batch"]
