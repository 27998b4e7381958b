import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, callbacks=()):
        self.model, self.optimizer = model, optimizer
        self.callbacks = list(callbacks)

    def fit(self, batches):
        batches = list(batches)
        self.model.train()
        for cb in self.callbacks:
            cb.on_train_start(self, batches[0])  # L
        for images, labels in batches:
            loss = F.cross_entropy(self.model(images), labels)
            self.optimizer.zero_grad()
            loss.backward()
            self.optimizer.step()
            for cb in self.callbacks:
                cb.on_step_end(self, loss.item())
