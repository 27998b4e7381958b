from dataclasses import dataclass

import torch
import torch.nn as nn


@dataclass
class TrainConfig:
    lr: float = 1e-2
    steps: int = 2
    metric_event: str = "after_forward"


class Trainer:
    def __init__(self, model, cfg: TrainConfig, callbacks=()):
        self.model, self.cfg = model, cfg
        self.callbacks = list(callbacks)
        self.criterion = nn.BCEWithLogitsLoss()
        self.opt = torch.optim.Adam(model.parameters(), lr=cfg.lr)

    def emit(self, event, state):
        for cb in self.callbacks:
            cb.on_event(event, state)  # L

    def step(self, tokens, target):
        state = {"target": target}
        state["logits"] = self.model(tokens)
        loss = self.criterion(state["logits"], target)
        self.emit("after_forward", state)  # L
        self.opt.zero_grad()
        loss.backward()
        self.emit("after_backward", state)
        self.opt.step()
        return loss.item()

    def fit(self, batches):
        return [self.step(tokens, target) for tokens, target in batches]  # L
