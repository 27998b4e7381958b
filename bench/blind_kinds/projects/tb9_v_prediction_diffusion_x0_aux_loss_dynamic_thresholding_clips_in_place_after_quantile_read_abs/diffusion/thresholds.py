"""x0 thresholding rules, chosen by name in the config."""
import torch

THRESHOLDS = {}


def register(name):
    def deco(fn):
        THRESHOLDS[name] = fn
        return fn
    return deco


@register("static")
def static_threshold(x0, **_):
    return x0.clamp_(-1.0, 1.0)


@register("dynamic")
def dynamic_threshold(x0, pct=0.9):
    """Imagen's dynamic thresholding: s is the pct-quantile of |x0| per sample (at least 1);
    clip to [-s, s] and rescale by s."""
    s = torch.quantile(x0.abs().flatten(1), pct, dim=1)
    s = torch.maximum(s, torch.ones_like(s)).view(-1, 1, 1, 1)
    return x0.clamp_(-s, s).div_(s)  # L
