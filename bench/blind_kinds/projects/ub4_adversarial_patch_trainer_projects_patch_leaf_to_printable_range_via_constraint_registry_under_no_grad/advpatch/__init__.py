from .attack import PatchTrainer
from .patch import AdversarialPatch, TinyDetector

__all__ = ["AdversarialPatch", "PatchTrainer", "TinyDetector"]
