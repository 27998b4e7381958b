class LossSpikeGuard:
    """Keeps the last good weights; when the loss jumps above `factor` times its running mean,
    restores them (the step taken on the bad batch is undone)."""

    def __init__(self, model, factor=3.0, momentum=0.5):
        self.model, self.factor, self.momentum = model, factor, momentum
        self.running = None
        self.snapshot = None
        self.rollbacks = 0

    def __call__(self, trainer, loss):
        value = loss.item()
        if self.running is not None and value > self.factor * self.running:
            self.model.load_state_dict(self.snapshot)  # L
            self.rollbacks += 1
            return
        self.running = value if self.running is None else (
            self.momentum * self.running + (1 - self.momentum) * value)
        self.snapshot = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
