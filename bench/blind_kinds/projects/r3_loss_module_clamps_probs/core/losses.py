import torch
import torch.nn as nn


class StableBCE(nn.Module):
    def __init__(self, eps=1e-4):
        super().__init__()
        self.eps = eps

    def forward(self, logits, target):
        p = torch.sigmoid(logits)
        p.clamp_(self.eps, 1 - self.eps)  # L
        return -(target * p.log() + (1 - target) * (1 - p).log()).mean()
