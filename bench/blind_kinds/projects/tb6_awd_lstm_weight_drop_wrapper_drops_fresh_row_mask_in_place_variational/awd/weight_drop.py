import torch.nn as nn

from .dropout import drop_connect


class WeightDrop(nn.Module):
    """Merity et al.'s WeightDrop: the wrapped module's named weights are replaced by raw
    parameters, and a dropped copy is installed on the module before every forward."""

    def __init__(self, module, weights, dropout=0.5, variational=False):
        super().__init__()
        self.module, self.weights = module, list(weights)
        self.dropout, self.variational = dropout, variational
        for name in self.weights:
            raw = getattr(module, name)
            del module._parameters[name]
            self.register_parameter(name + "_raw", nn.Parameter(raw.data))

    def _setweights(self):
        for name in self.weights:
            raw = getattr(self, name + "_raw")
            setattr(self.module, name, drop_connect(raw, self.dropout, self.training, self.variational))  # L

    def forward(self, *args):
        self._setweights()  # L
        return self.module(*args)
