import torch
import torch.nn as nn

from ..utils.tensor import channel_stats

STAT_LAYERS = {"norm": nn.BatchNorm2d, "act": nn.ReLU}


class FeatureStatHook:
    """A forward pre-hook: records the channel statistics of the layer's input, and once reference
    statistics are set, the distance to them."""

    def __init__(self):
        self.reference = None
        self.term = None

    def __call__(self, module, inputs):
        mean, var = channel_stats(inputs[0])
        if self.reference is None:
            self.reference = (mean.detach(), var.detach())
        else:
            ref_mean, ref_var = self.reference
            self.term = (mean - ref_mean).norm() + (var - ref_var).norm()


def attach_stat_hooks(model, stat_layers):
    layer_type = STAT_LAYERS[stat_layers]
    hooks, handles = [], []
    for module in model.modules():
        if isinstance(module, layer_type):
            hook = FeatureStatHook()
            hooks.append(hook)
            handles.append(module.register_forward_pre_hook(hook))
    return hooks, handles


@torch.no_grad()
def calibrate_reference(model, real_images, reg_cfg):
    """Record the real data's statistics at the hooked layers (the model keeps the hooks)."""
    model.eval()
    model.stat_hooks, model.stat_handles = attach_stat_hooks(model, reg_cfg["stat_layers"])
    model(real_images)
