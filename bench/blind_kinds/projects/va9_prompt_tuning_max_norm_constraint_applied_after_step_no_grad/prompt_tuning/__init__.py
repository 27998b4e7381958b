from .constraints import MaxNormConstraint
from .prompt import PromptedClassifier
from .trainer import Trainer

__all__ = ["MaxNormConstraint", "PromptedClassifier", "Trainer"]
