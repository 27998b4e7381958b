from .soup import interpolate_weights_, snapshot


class WiSECallback:
    """Pulls the fine-tuned weights back toward the zero-shot ones every few epochs."""

    def __init__(self, zero_shot_model, alpha=0.5, every=1):
        self.anchor = snapshot(zero_shot_model)
        self.alpha = alpha
        self.every = every

    def on_epoch_end(self, trainer):
        if (trainer.epoch + 1) % self.every == 0:
            interpolate_weights_(trainer.model, self.anchor, self.alpha)  # L
