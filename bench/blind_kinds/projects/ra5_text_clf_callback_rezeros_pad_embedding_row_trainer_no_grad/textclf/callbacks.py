"""Trainer callbacks, enabled by name in the run config."""


class Callback:
    def on_fit_start(self, trainer):
        pass

    def on_step_end(self, trainer):
        pass


class KeepPadZero(Callback):
    """Weight decay and Adam's moments drift the padding row; put it back after each update."""

    def on_step_end(self, trainer):
        trainer.model.zero_pad_()


class LossHistory(Callback):
    def on_fit_start(self, trainer):
        self.losses = []

    def on_step_end(self, trainer):
        self.losses.append(trainer.last_loss)


REGISTRY = {"keep_pad_zero": KeepPadZero, "loss_history": LossHistory}


def build(names):
    return [REGISTRY[n]() for n in names]
