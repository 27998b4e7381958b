import torch


class Callback:
    def on_step_begin(self, trainer):
        pass

    def on_step_end(self, trainer):
        pass


class PrototypeNorm(Callback):
    """Keeps the prototypes on the unit sphere, as SwAV does before every step."""

    @torch.no_grad()
    def on_step_begin(self, trainer):
        trainer.model.prototypes.normalise_()  # L
