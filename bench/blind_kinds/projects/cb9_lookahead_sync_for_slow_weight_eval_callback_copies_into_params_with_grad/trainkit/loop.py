import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model, self.optimizer = model, optimizer
        self.callbacks = list(callbacks)

    def _fire(self, event):
        for cb in self.callbacks:
            handler = getattr(cb, f"on_{event}", None)
            if handler is not None:
                handler(self)

    def fit(self, batches, epochs):
        for epoch in range(epochs):
            for x, y in batches:
                loss = F.cross_entropy(self.model(x), y)
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
            self._fire("epoch_end")  # L
        return self
