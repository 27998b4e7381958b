"""Tensor transforms in the torchvision style (``inplace`` saves a copy per batch)."""
import torch

TRANSFORMS = {}


def transform(name):
    def deco(cls):
        TRANSFORMS[name] = cls
        return cls
    return deco


@transform("normalize")
class Normalize:
    def __init__(self, mean, std, inplace=False):
        self.mean = torch.tensor(mean).view(-1, 1, 1)
        self.std = torch.tensor(std).view(-1, 1, 1)
        self.inplace = inplace

    def __call__(self, x):
        if not self.inplace:
            x = x.clone()
        return x.sub_(self.mean).div_(self.std)  # L


@transform("to_float")
class ToFloat:
    """uint8 images to float in [0, 1]; float images pass through as they are."""

    def __call__(self, x):
        if x.dtype == torch.uint8:
            return x.float().div(255.0)
        return x.float()


class Compose:
    def __init__(self, steps):
        self.steps = steps

    def __call__(self, x):
        for step in self.steps:
            x = step(x)  # L
        return x


def build_transform(specs):
    return Compose([TRANSFORMS[spec["name"]](**{k: v for k, v in spec.items() if k != "name"}) for spec in specs])
