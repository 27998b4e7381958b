"""Constraints kept on a model's parameters, applied before every forward."""


def min_anchor_size(min_size):
    def hook(module, inputs):
        module.anchor_wh.clamp_(min=min_size)  # L
    return hook


def max_anchor_size(max_size):
    def hook(module, inputs):
        module.anchor_wh.clamp_(max=max_size)  # L
    return hook


def attach(model, spec):
    handles = []
    for name, value in spec.items():
        handles.append(model.register_forward_pre_hook(globals()[name](value)))
    return handles
