"""Langevin update rules by name.  Each moves x in place, down the energy gradient."""
import torch

STEPS = {}


def register(name):
    def deco(fn):
        STEPS[name] = fn
        return fn
    return deco


@register("sgld")
def sgld_(x, grad, step_size, noise):
    x.add_(grad, alpha=-step_size).add_(torch.randn_like(x), alpha=noise)  # L
    return x


@register("ula")
def ula_(x, grad, step_size, noise):
    # unadjusted Langevin: noise scale tied to the step size
    x.add_(grad, alpha=-step_size).add_(torch.randn_like(x), alpha=(2 * step_size) ** 0.5)
    return x
