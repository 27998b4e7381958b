from .loop import Trainer
from .callbacks import MergedValidation
