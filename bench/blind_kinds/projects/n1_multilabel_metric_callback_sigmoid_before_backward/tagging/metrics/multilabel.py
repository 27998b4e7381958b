import torch


class MultiLabelF1:
    """Micro-averaged F1 over thresholded tag probabilities."""

    def __init__(self, threshold=0.5):
        self.threshold = threshold
        self.tp = self.fp = self.fn = 0

    @torch.no_grad()
    def update(self, logits, target):
        probs = logits.sigmoid_()  # L
        pred = probs > self.threshold
        truth = target.bool()
        self.tp += int((pred & truth).sum())
        self.fp += int((pred & ~truth).sum())
        self.fn += int((~pred & truth).sum())

    def compute(self):
        return 2 * self.tp / max(2 * self.tp + self.fp + self.fn, 1)
