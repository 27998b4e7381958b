import torch.nn as nn


class Trainer:
    EVENTS = ("after_loss", "after_backward", "after_step")

    def __init__(self, model, optimizer, criterion=None):
        self.model, self.optimizer = model, optimizer
        self.criterion = criterion or nn.MSELoss()
        self.hooks = {event: [] for event in self.EVENTS}

    def add_hook(self, event, fn):
        self.hooks[event].append(fn)

    def fire(self, event, *args):
        for fn in self.hooks[event]:
            fn(self, *args)

    def step(self, x, y):
        self.model.train()
        outputs = self.model(x)
        loss = self.criterion(outputs, y)
        self.fire("after_loss", outputs, y)  # L
        self.optimizer.zero_grad()
        loss.backward()
        self.fire("after_backward", outputs, y)
        self.optimizer.step()
        self.fire("after_step", outputs, y)
        return loss.item()
