from .losses import DistillLoss
from .schedule import TemperatureCurriculum

__all__ = ["DistillLoss", "TemperatureCurriculum"]
