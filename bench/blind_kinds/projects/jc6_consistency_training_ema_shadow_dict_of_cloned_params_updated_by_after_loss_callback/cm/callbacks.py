class Callback:
    def on_after_loss(self, trainer, loss):
        pass

    def on_after_step(self, trainer):
        pass


class EMACallback(Callback):
    """Moves the target network as soon as the step's loss is known."""

    def __init__(self, ema):
        self.ema = ema

    def on_after_loss(self, trainer, loss):
        self.ema.update(trainer.model)  # L
