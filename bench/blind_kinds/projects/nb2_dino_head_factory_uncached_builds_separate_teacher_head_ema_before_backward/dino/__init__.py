from .engine import train_step
from .loss import DINOLoss
from .models import build_student_teacher

__all__ = ["DINOLoss", "build_student_teacher", "train_step"]
