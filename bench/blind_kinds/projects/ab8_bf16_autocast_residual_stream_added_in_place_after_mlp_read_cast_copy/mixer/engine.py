from dataclasses import dataclass

import torch.nn.functional as F

from .precision import autocast


@dataclass
class TrainConfig:
    precision: str = "bf16"
    lr: float = 1e-3
    clip: float = 1.0


class Trainer:
    def __init__(self, model, optimizer, cfg: TrainConfig):
        self.model, self.optimizer, self.cfg = model, optimizer, cfg

    def step(self, x, y):
        with autocast(self.cfg.precision):
            logits = self.model(x)  # L
        loss = F.cross_entropy(logits.float(), y)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        return loss.item()
