import torch
import torch.nn as nn
import torch.nn.functional as F

EPS = 1e-8


class MSELoss(nn.Module):
    def forward(self, pred, target):
        return F.mse_loss(pred, target)


class RMSELoss(MSELoss):
    """Root of the mean squared error (same units as the target)."""

    def forward(self, pred, target):
        return torch.sqrt(super().forward(pred, target) + EPS)


CRITERIA = {"mse": MSELoss, "rmse": RMSELoss}


def build_criterion(name: str, **kwargs) -> nn.Module:
    return CRITERIA[name.lower()](**kwargs)
