import torch

from .constraints import CONSTRAINTS


class PatchTrainer:
    """Minimises the detector's strongest objectness on patched images (an evasion attack)."""

    def __init__(self, detector, patch, cfg):
        self.detector = detector.eval()
        self.patch = patch
        self.project = CONSTRAINTS[cfg["constraint"]]
        self.tv_weight = cfg["tv_weight"]
        self.opt = torch.optim.Adam(patch.parameters(), lr=cfg["lr"])

    def total_variation(self):
        p = self.patch.pixels
        return (p[:, 1:] - p[:, :-1]).abs().mean() + (p[:, :, 1:] - p[:, :, :-1]).abs().mean()

    def step(self, imgs):
        scores = self.detector(self.patch.paste(imgs))
        loss = scores.flatten(1).amax(1).mean() + self.tv_weight * self.total_variation()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.project(self.patch.pixels)  # L
        return loss.item()
