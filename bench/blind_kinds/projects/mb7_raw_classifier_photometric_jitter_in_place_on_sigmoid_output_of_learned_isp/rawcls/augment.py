"""Photometric augmentation applied to the ISP's RGB inside the training graph."""
import torch


class PhotometricJitter:
    def __init__(self, brightness=0.2, contrast=0.2, generator=None):
        self.brightness, self.contrast = brightness, contrast
        self.generator = generator

    def _factors(self, n, spread):
        u = torch.rand(n, 1, 1, 1, generator=self.generator)
        return 1.0 + spread * (2 * u - 1)

    def __call__(self, rgb):
        """In place: the ISP hands over a fresh image per batch."""
        n = rgb.shape[0]
        rgb.mul_(self._factors(n, self.brightness))  # L
        mean = rgb.mean((1, 2, 3), keepdim=True)
        rgb.sub_(mean).mul_(self._factors(n, self.contrast)).add_(mean)  # L
        return rgb.clamp_(0.0, 1.0)  # L
