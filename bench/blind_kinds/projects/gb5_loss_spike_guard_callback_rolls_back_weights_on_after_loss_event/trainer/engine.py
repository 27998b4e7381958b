from collections import defaultdict

import torch.nn.functional as F


class Trainer:
    EVENTS = ("after_loss", "after_step")

    def __init__(self, model, optimizer):
        self.model, self.optimizer = model, optimizer
        self.callbacks = defaultdict(list)
        self.step = 0

    def add_callback(self, event, fn):
        assert event in self.EVENTS, event
        self.callbacks[event].append(fn)

    def fire(self, event, **kw):
        for fn in self.callbacks[event]:
            fn(self, **kw)  # L

    def fit(self, batches):
        for x, y in batches:
            loss = F.mse_loss(self.model(x), y)
            self.fire("after_loss", loss=loss)  # L
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self.fire("after_step", loss=loss)
            print(self.step, loss.item())
            self.step += 1
