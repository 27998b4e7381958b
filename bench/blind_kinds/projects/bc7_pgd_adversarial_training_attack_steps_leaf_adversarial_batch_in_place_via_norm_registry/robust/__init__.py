from .attacks import ATTACKS, build_attack
from .trainer import AdversarialTrainer

__all__ = ["ATTACKS", "AdversarialTrainer", "build_attack"]
