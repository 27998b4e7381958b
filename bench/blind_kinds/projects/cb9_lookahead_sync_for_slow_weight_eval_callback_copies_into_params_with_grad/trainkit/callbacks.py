import torch


class SlowWeightsEval:
    """Evaluate on the lookahead's slow weights at the end of every epoch."""

    def __init__(self, x_val, y_val):
        self.x_val, self.y_val = x_val, y_val
        self.history = []

    def on_epoch_end(self, trainer):
        if hasattr(trainer.optimizer, "sync_lookahead"):
            trainer.optimizer.sync_lookahead()  # L
        trainer.model.eval()
        with torch.no_grad():
            acc = (trainer.model(self.x_val).argmax(-1) == self.y_val).float().mean().item()
        trainer.model.train()
        self.history.append(acc)
