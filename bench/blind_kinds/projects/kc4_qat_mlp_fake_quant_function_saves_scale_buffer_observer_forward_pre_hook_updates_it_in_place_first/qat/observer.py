import torch

from .layers import QuantLinear


class AbsMaxObserver:
    """Running absmax of a layer's input, kept in the layer's act_scale buffer."""

    def __init__(self, momentum):
        self.momentum = momentum

    def __call__(self, module, inputs, output=None):
        with torch.no_grad():
            amax = inputs[0].abs().amax() / module.qmax
            module.act_scale.mul_(self.momentum).add_((1 - self.momentum) * amax)  # L


def attach_observers(model, hook_kind, momentum):
    register = "register_" + hook_kind
    return [getattr(m, register)(AbsMaxObserver(momentum)) for m in model.modules()  # L
            if isinstance(m, QuantLinear)]
