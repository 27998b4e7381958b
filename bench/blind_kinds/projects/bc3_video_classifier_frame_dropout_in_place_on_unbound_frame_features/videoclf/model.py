import torch.nn as nn

from . import augment
from .temporal import AttentionConsensus


class FrameEncoder(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.BatchNorm2d(8), nn.ReLU(inplace=True),
                                  nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.proj = nn.Linear(8, dim)

    def forward(self, clips):  # (batch, time, 3, h, w)
        b, t = clips.shape[:2]
        feats = self.proj(self.conv(clips.flatten(0, 1)))
        return feats.view(b, t, -1)


class VideoClassifier(nn.Module):
    def __init__(self, n_classes, dim=16, frame_drop=0.25):
        super().__init__()
        self.encoder = FrameEncoder(dim)
        self.consensus = AttentionConsensus(dim)
        self.head = nn.Linear(dim, n_classes)
        self.frame_drop = frame_drop

    def forward(self, clips):
        feats = self.encoder(clips)
        frames = list(feats.unbind(dim=1))
        if self.training and self.frame_drop > 0:
            for i, f in enumerate(frames):
                frames[i] = augment.frame_dropout_(f, self.frame_drop)  # L
        return self.head(self.consensus(frames))
