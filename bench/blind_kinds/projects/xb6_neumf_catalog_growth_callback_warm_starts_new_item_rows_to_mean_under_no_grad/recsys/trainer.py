import torch
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model, self.optimizer, self.callbacks = model, optimizer, list(callbacks)

    def _fire(self, event, *args):
        for cb in self.callbacks:
            handler = getattr(cb, event, None)
            if handler is not None:
                handler(*args)

    def fit(self, interactions, epochs, n_active):
        users, items, clicks = interactions
        for epoch in range(epochs):
            self._fire("on_epoch_start", epoch, self.model)  # L
            active = items < n_active()
            logits = self.model(users[active], items[active])
            loss = F.binary_cross_entropy_with_logits(logits, clicks[active])
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            print(epoch, int(active.sum()), loss.item())
