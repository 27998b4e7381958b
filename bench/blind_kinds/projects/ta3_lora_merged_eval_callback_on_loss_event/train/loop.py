from collections import defaultdict

import torch
import torch.nn.functional as F


class Trainer:
    EVENTS = ("loss", "step_end")

    def __init__(self, model, optimizer, scheduler=None, clip=1.0):
        self.model, self.optimizer, self.scheduler, self.clip = model, optimizer, scheduler, clip
        self.callbacks = defaultdict(list)
        self.step = 0
        self.last_loss = None

    def on(self, event, fn):
        assert event in self.EVENTS, event
        self.callbacks[event].append(fn)
        return fn

    def _emit(self, event):
        for fn in self.callbacks[event]:
            fn(self)

    def train_step(self, x, y):
        self.model.train()
        loss = F.cross_entropy(self.model(x), y)
        self.last_loss = loss.item()
        self._emit("loss")  # L
        self.optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.optimizer.param_groups[0]["params"], self.clip)
        self.optimizer.step()
        if self.scheduler is not None:
            self.scheduler.step()
        self.step += 1
        self._emit("step_end")
        return self.last_loss
