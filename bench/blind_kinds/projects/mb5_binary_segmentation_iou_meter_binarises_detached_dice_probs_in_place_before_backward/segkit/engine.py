from collections import defaultdict


class Trainer:
    EVENTS = ("after_loss", "after_backward", "after_step")

    def __init__(self, model, criterion, optimizer):
        self.model, self.criterion, self.optimizer = model, criterion, optimizer
        self.hooks = defaultdict(list)
        self.last_target = None

    def add_hook(self, event, fn):
        if event not in self.EVENTS:
            raise ValueError(event)
        self.hooks[event].append(fn)

    def fire(self, event):
        for fn in self.hooks[event]:
            fn(self)

    def step(self, images, masks):
        self.model.train()
        self.last_target = masks
        loss = self.criterion(self.model(images), masks)
        self.fire("after_loss")  # L
        self.optimizer.zero_grad()
        loss.backward()
        self.fire("after_backward")
        self.optimizer.step()
        self.fire("after_step")
        return loss.item()
