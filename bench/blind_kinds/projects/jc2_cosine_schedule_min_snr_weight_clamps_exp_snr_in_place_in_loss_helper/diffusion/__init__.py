from .schedules import SCHEDULES, build_schedule
from .losses import min_snr_weight

__all__ = ["SCHEDULES", "build_schedule", "min_snr_weight"]
