import torch
import torch.nn.functional as F

from .estimates import as_condition_

STEPS = {}


def step_kind(name):
    def deco(fn):
        STEPS[name] = fn
        return fn
    return deco


@step_kind("plain")
def plain_step(model, schedule, x0):
    x_t, t = schedule.noise(x0)
    return F.mse_loss(model(x_t, t, torch.zeros_like(x0)), x0)


@step_kind("self_condition")
def self_condition_step(model, schedule, x0):
    """Both passes are supervised; the second sees the first one's estimate."""
    x_t, t = schedule.noise(x0)
    first = model(x_t, t, torch.zeros_like(x0))
    loss = F.mse_loss(first, x0)
    second = model(x_t, t, as_condition_(first))  # L
    return loss + F.mse_loss(second, x0)
