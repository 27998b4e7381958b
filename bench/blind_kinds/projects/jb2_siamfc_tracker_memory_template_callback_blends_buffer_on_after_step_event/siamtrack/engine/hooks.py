from ..utils.tensor import ema_


class Callback:
    """Every event is a no-op unless a subclass overrides it."""

    def on_batch_start(self, trainer, batch):
        pass

    def after_forward(self, trainer, batch, loss):
        pass

    def after_step(self, trainer, batch, loss):
        pass


class TemplateUpdate(Callback):
    """Linear template update: the memory drifts toward the mean exemplar embedding."""

    def __init__(self, event="after_step", rate=0.1):
        self.event, self.rate = event, rate

    def _update(self, trainer):
        model = trainer.model
        ema_(model.memory, model.last_exemplar.mean(0, keepdim=True), self.rate)  # L

    def after_forward(self, trainer, batch, loss):
        if self.event == "after_forward":
            self._update(trainer)  # L

    def after_step(self, trainer, batch, loss):
        if self.event == "after_step":
            self._update(trainer)
