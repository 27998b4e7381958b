import torch


class ClampPseudoInputs:
    """After each optimizer step, put the pseudo-inputs back into the data range."""

    def __init__(self, prior):
        self.prior = prior

    @torch.no_grad()
    def on_step_end(self):
        self.prior.keep_in_range_()
