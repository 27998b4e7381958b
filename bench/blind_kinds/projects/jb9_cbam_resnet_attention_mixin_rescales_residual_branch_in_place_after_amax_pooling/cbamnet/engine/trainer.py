import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, callbacks):
        self.model, self.optimizer, self.callbacks = model, optimizer, callbacks
        self.log, self.last_loss = [], None

    def emit(self, event):
        for cb in self.callbacks:
            cb(self, event)

    def train(self, loader):
        self.model.train()
        for images, labels in loader:
            loss = F.cross_entropy(self.model(images), labels)  # L
            self.optimizer.zero_grad()
            loss.backward()
            self.emit("after_backward")
            self.optimizer.step()
            self.last_loss = loss.item()
            self.emit("after_step")
        return self.log
