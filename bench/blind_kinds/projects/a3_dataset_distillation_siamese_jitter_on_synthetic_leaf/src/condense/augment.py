"""Differentiable siamese augmentation: the same random draw for the real and the synthetic batch."""
import torch


def brightness_(x, factor):
    return x.add_(factor.view(-1, 1, 1, 1))  # L


def saturation_(x, factor):
    mean = x.mean(dim=1, keepdim=True)
    return x.sub_(mean).mul_(factor.view(-1, 1, 1, 1)).add_(mean)  # L


class SiameseAugment:
    ops = ("brightness", "saturation")

    def __init__(self, strength=0.2):
        self.strength = strength
        self._seed = 0

    def reseed(self, seed):
        self._seed = seed

    def __call__(self, x):
        g = torch.Generator().manual_seed(self._seed)
        for name in self.ops:
            u = torch.rand(x.shape[0], generator=g)
            if name == "brightness":
                x = brightness_(x, (u - 0.5) * self.strength)
            else:
                x = saturation_(x, 1.0 + (u - 0.5) * self.strength)
        return x
