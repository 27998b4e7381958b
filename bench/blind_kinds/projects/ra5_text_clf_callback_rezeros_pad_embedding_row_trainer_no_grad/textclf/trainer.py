import torch
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model = model
        self.optimizer = optimizer
        self.callbacks = list(callbacks)
        self.last_loss = None

    def _emit(self, event):
        # callbacks may touch parameters (re-zeroing rows, clipping): never record that
        with torch.no_grad():
            for cb in self.callbacks:
                getattr(cb, event)(self)

    def fit(self, batches):
        self._emit("on_fit_start")
        for tokens, labels in batches:
            loss = F.cross_entropy(self.model(tokens), labels)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self.last_loss = loss.item()
            self._emit("on_step_end")
        return self.last_loss
