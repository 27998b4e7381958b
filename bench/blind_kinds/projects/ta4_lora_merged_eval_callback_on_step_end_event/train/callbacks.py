import torch
import torch.nn.functional as F

from lora import merged


class MergedValidation:
    """Evaluates the model with its adapters merged (one matmul per layer, as it will be served)."""

    def __init__(self, val_batch, every=1):
        self.val_batch = val_batch
        self.every = every
        self.history = []

    def __call__(self, trainer):
        if trainer.step % self.every:
            return
        x, y = self.val_batch
        with merged(trainer.model), torch.no_grad():  # L
            self.history.append(F.cross_entropy(trainer.model(x), y).item())
