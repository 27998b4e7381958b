from .balancing import GradNorm
from .model import HardSharingNet
from .tasks import TASKS, task_losses

__all__ = ["GradNorm", "HardSharingNet", "TASKS", "task_losses"]
