"""Feature-level temporal augmentation: whole frames are dropped (and the kept ones rescaled)."""
import torch


def frame_dropout_(frame_feats, p):
    keep = (torch.rand(frame_feats.shape[0], 1) >= p).to(frame_feats.dtype)
    return frame_feats.mul_(keep / (1.0 - p))  # L
