import torch.nn as nn

from .augment import PhotometricJitter
from .isp import LearnedISP


class RawPipeline(nn.Module):
    """ISP and classifier trained end to end; the jitter runs on the ISP output in training."""

    def __init__(self, cfg):
        super().__init__()
        self.isp = LearnedISP(**cfg["isp"])
        self.jitter = PhotometricJitter(**cfg["jitter"])
        self.classifier = nn.Sequential(
            nn.Conv2d(3, 12, 3, stride=2, padding=1), nn.BatchNorm2d(12), nn.ReLU(inplace=True),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(12, cfg["classes"]),
        )

    def forward(self, raw):
        rgb = self.isp(raw)
        if self.training:
            rgb = self.jitter(rgb)  # L
        return self.classifier(rgb)
