import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model = model
        self.optimizer = optimizer
        self.callbacks = list(callbacks)

    def _fire(self, event, *args):
        for cb in self.callbacks:
            handler = getattr(cb, event, None)
            if handler is not None:
                handler(self, *args)

    def fit(self, batches):
        for step, (ids, labels) in enumerate(batches):
            logits = self.model(ids)
            loss = F.cross_entropy(logits.flatten(0, 1), labels.flatten())
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            self._fire("on_step_end", step)  # L
            print(step, loss.item())
