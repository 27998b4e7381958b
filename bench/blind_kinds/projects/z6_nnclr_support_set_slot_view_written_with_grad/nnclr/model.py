from typing import NamedTuple

import torch
import torch.nn as nn
import torch.nn.functional as F

from .support import SupportSet


class NNCLROutput(NamedTuple):
    loss: torch.Tensor
    nn_agreement: float


def projector(d_in, dim, out):
    return nn.Sequential(nn.Linear(d_in, dim), nn.BatchNorm1d(dim), nn.ReLU(inplace=True), nn.Linear(dim, out))


class NNCLR(nn.Module):
    def __init__(self, d_in=8, dim=16, emb=6, support=24, temperature=0.1):
        super().__init__()
        self.backbone = nn.Sequential(nn.Linear(d_in, dim), nn.ReLU(inplace=True))
        self.projection = projector(dim, dim, emb)
        self.prediction = projector(emb, dim, emb)
        self.support = SupportSet(emb, support)
        self.temperature = temperature

    def embed(self, x):
        z = F.normalize(self.projection(self.backbone(x)), dim=-1)
        return z, F.normalize(self.prediction(z), dim=-1)

    def forward(self, x1, x2) -> NNCLROutput:
        z1, p1 = self.embed(x1)
        _, p2 = self.embed(x2)
        nn1 = self.support.nearest(z1)
        logits = nn1 @ p2.T / self.temperature
        loss = F.cross_entropy(logits, torch.arange(x1.size(0)))
        agreement = (self.support.nearest(p2).argmax(1) == nn1.argmax(1)).float().mean().item()
        self.support.enqueue(z1)  # L
        return NNCLROutput(loss, agreement)
