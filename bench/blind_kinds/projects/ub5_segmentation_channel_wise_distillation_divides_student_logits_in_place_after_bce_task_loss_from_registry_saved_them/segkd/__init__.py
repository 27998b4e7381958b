from .models import build_student, build_teacher
from .step import train_step

__all__ = ["build_student", "build_teacher", "train_step"]
