"""Homoscedastic uncertainty weighting (Kendall et al. 2018): L = sum exp(-s_i) L_i + s_i."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from .utils import bound_

TASK_LOSSES = {"depth": F.l1_loss, "seg": F.cross_entropy}


class UncertaintyWeighting(nn.Module):
    def __init__(self, task_names, log_var_bounds):
        super().__init__()
        self.names = list(task_names)
        self.log_vars = nn.Parameter(torch.zeros(len(self.names)))
        self.bounds = log_var_bounds

    def forward(self, preds, targets):
        s = bound_(self.log_vars, *self.bounds)  # L
        total = 0.0
        for i, name in enumerate(self.names):
            task_loss = TASK_LOSSES[name](preds[name], targets[name])
            total = total + torch.exp(-s[i]) * task_loss + s[i]
        return total
