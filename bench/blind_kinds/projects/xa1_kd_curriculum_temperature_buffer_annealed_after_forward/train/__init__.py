from .loop import DistillTrainer
