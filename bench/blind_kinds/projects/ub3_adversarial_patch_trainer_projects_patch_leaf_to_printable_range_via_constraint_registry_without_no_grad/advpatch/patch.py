import torch
import torch.nn as nn


class AdversarialPatch:
    """A printable patch pasted at random positions; the patch pixels are the optimised tensor."""

    def __init__(self, size=3, channels=3):
        self.size = size
        self.pixels = torch.rand(channels, size, size).mul(0.2).add(0.4).requires_grad_()

    def parameters(self):
        return [self.pixels]

    def paste(self, imgs):
        out = imgs.clone()
        h, w = imgs.shape[-2:]
        for i in range(imgs.shape[0]):
            y, x = torch.randint(0, h - self.size + 1, (2,)).tolist()
            out[i, :, y:y + self.size, x:x + self.size] = self.pixels
        return out


class TinyDetector(nn.Module):
    """A frozen single-class detector: a dense objectness map."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.ReLU(), nn.Conv2d(6, 1, 1))
        self.requires_grad_(False)

    def forward(self, imgs):
        return self.body(imgs).sigmoid()
