import functools

import torch


@torch.no_grad()
def unit_ball_(table):
    norms = table.weight.norm(dim=1, keepdim=True).clamp(min=1.0)
    table.weight.div_(norms)  # L


def _after_forward(module, inputs, output, names):
    for name in names:
        unit_ball_(getattr(module, name))  # L


def attach_constraints(model, names):
    """Project the named embedding tables back into the unit ball after each forward."""
    return model.register_forward_hook(functools.partial(_after_forward, names=names))
