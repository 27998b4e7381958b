import copy

import torch


class DeployCheck:
    """Fuse a copy of the model and check it agrees with the training-time model."""

    def __init__(self, probe, atol=1e-4):
        self.probe = probe
        self.atol = atol

    def on_epoch_end(self, model, epoch):
        deployed = copy.deepcopy(model).reparameterize()  # L
        with torch.no_grad():
            gap = (deployed(self.probe) - model(self.probe)).abs().max()
        if gap > self.atol:
            raise AssertionError(f"epoch {epoch}: fused model differs by {float(gap)}")
