import torch
import torch.nn as nn

LOG_STD_BOUNDS = (-5.0, 2.0)


def mlp(sizes, act=nn.ReLU, out_act=nn.Identity):
    layers = []
    for i, (a, b) in enumerate(zip(sizes, sizes[1:])):
        layers += [nn.Linear(a, b), act() if i < len(sizes) - 2 else out_act()]
    return nn.Sequential(*layers)


def bound_log_std_(log_std, bounds=LOG_STD_BOUNDS):
    """Clips the policy's log standard deviation (in place: called every environment step)."""
    lo, hi = bounds
    return log_std.clamp_(lo, hi)  # L


@torch.no_grad()
def polyak_(target, source, tau):
    for pt, ps in zip(target.parameters(), source.parameters()):
        pt.lerp_(ps, tau)
