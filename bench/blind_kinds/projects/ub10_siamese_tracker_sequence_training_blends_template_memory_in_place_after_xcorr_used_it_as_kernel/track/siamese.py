import torch
import torch.nn as nn

from .ops import centre_crop, xcorr


class SiamTracker(nn.Module):
    def __init__(self, template_size=3):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, 6, 3, padding=1), nn.BatchNorm2d(6), nn.ReLU(),
                                      nn.Conv2d(6, 6, 3, padding=1))
        self.adjust = nn.Conv2d(1, 1, 1)
        self.template_size = template_size

    def template(self, frame):
        return centre_crop(self.backbone(frame), self.template_size)

    def forward_sequence(self, frames, memory):
        memory.reset(self.template(frames[0]))
        scores = []
        for frame in frames[1:]:
            scores.append(self.adjust(xcorr(memory.z, self.backbone(frame))))
            memory.update(self.template(frame))  # L
        return torch.stack(scores, dim=1)
