import torch.nn.functional as F

from ..utils.tensor import response_labels


class Trainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model, self.optimizer = model, optimizer
        self.callbacks = list(callbacks)
        self.history = []

    def fire(self, event, *args):
        for cb in self.callbacks:
            getattr(cb, event)(self, *args)  # L

    def train_step(self, batch):
        self.fire("on_batch_start", batch)
        exemplar, search = batch
        response = self.model(exemplar, search)
        labels = response_labels(response.shape, radius=2)
        loss = F.binary_cross_entropy_with_logits(response, labels)
        self.fire("after_forward", batch, loss)  # L
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.fire("after_step", batch, loss)
        return loss.item()

    def fit(self, batches):
        self.model.train()
        for batch in batches:
            self.history.append(self.train_step(batch))  # L
        return self.history
