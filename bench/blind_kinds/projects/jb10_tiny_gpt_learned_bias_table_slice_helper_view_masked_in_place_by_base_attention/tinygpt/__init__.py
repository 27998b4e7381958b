from .configs import GPTConfig
from .engine import LMTrainer
from .models import TinyGPT
from .utils import random_token_batches

__all__ = ["GPTConfig", "LMTrainer", "TinyGPT", "random_token_batches"]
