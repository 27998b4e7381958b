import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model = model
        self.optimizer = optimizer
        self.callbacks = list(callbacks)
        self.epoch = 0

    def fire(self, event):
        for cb in self.callbacks:
            fn = getattr(cb, event, None)
            if fn is not None:
                fn(self)  # L

    def train_epoch(self, batches):
        self.model.train()
        for x, y in batches:
            loss = F.cross_entropy(self.model(x), y)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
        return loss.item()

    def fit(self, batches, epochs):
        for self.epoch in range(epochs):
            print(self.epoch, self.train_epoch(batches))
            self.fire("on_epoch_end")  # L
