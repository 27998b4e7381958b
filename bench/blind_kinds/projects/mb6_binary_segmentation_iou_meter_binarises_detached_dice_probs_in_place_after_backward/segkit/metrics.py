class BinaryIoU:
    """Running foreground IoU; binarises the probabilities in place (they are a detached copy)."""

    def __init__(self, threshold=0.5):
        self.threshold = threshold
        self.inter = 0.0
        self.union = 0.0

    def update(self, probs, target):
        pred = probs.ge_(self.threshold)  # L
        self.inter += (pred * target).sum().item()
        self.union += ((pred + target) > 0).sum().item()

    def __call__(self, trainer):
        self.update(trainer.criterion.last_probs, trainer.last_target)  # L

    @property
    def value(self):
        return self.inter / max(self.union, 1.0)
