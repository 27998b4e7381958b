import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, cfg):
        self.model, self.optimizer, self.cfg = model, optimizer, cfg

    def train_step(self, x, y):
        loss = F.cross_entropy(self.model(x), y)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()  # L
        return loss.item()

    def fit(self, batches):
        for epoch in range(self.cfg.epochs):
            losses = [self.train_step(x, y) for x, y in batches]  # L
            print(epoch, sum(losses) / len(losses))
