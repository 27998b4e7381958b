class EpeMeter:
    """Logs the end-point error of the last refinement."""

    def __init__(self):
        self.values = []

    def __call__(self, predictions, target):
        self.values.append((predictions[-1] - target).norm(dim=1).mean().item())


class FlowTrainer:
    def __init__(self, model, optimizer, gamma=0.8, callbacks=()):
        self.model, self.optimizer, self.gamma = model, optimizer, gamma
        self.callbacks = list(callbacks)

    def sequence_loss(self, predictions, target):
        n = len(predictions)
        return sum(self.gamma ** (n - i - 1) * (p - target).abs().mean() for i, p in enumerate(predictions))

    def step(self, batch):
        img1, img2, target = batch
        predictions = self.model(img1, img2)  # L
        loss = self.sequence_loss(predictions, target)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        for cb in self.callbacks:
            cb(predictions, target)
        return loss.item()

    def fit(self, batches):
        return [self.step(batch) for batch in batches]  # L
