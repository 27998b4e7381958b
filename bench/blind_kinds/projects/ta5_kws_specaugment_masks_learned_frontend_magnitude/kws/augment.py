"""SpecAugment-style masking, built from a list of names (in place: no copy of the spectrogram)."""
import torch

AUGMENTS = {}


def register(name):
    def deco(cls):
        AUGMENTS[name] = cls
        return cls
    return deco


@register("time_mask")
class TimeMask:
    def __init__(self, max_width=3):
        self.max_width = max_width

    def __call__(self, spec):
        t = spec.shape[-1]
        width = int(torch.randint(1, self.max_width + 1, ()))
        start = int(torch.randint(0, t - width, ()))
        spec[..., start:start + width] = 0.0  # L
        return spec


@register("freq_mask")
class FreqMask:
    def __init__(self, max_width=2):
        self.max_width = max_width

    def __call__(self, spec):
        f = spec.shape[-2]
        width = int(torch.randint(1, self.max_width + 1, ()))
        start = int(torch.randint(0, f - width, ()))
        spec[:, start:start + width, :].zero_()  # L
        return spec


class Compose:
    def __init__(self, ops):
        self.ops = ops

    def __call__(self, spec):
        for op in self.ops:
            spec = op(spec)
        return spec


def build_augment(specs):
    return Compose([AUGMENTS[s.pop("name")](**s) for s in (dict(s) for s in specs)])
