import torch.nn as nn
import torch.nn.functional as F

from . import postprocess


class KeypointLoss(nn.Module):
    """Translation-invariant keypoint loss: both sets are centred before comparing."""

    def __init__(self, centre=True):
        super().__init__()
        self.centre = centre

    def forward(self, pred, target):
        if self.centre:
            pred = postprocess.centre_coordinates_(pred.reshape(-1, 2))  # L
            target = postprocess.centre_coordinates_(target.reshape(-1, 2).clone())
        return F.mse_loss(pred.reshape(-1), target.reshape(-1))
