import math

import torch

from .snn import snn
from .utils import sharpen


class PawsLoss:
    """PAWS (Assran et al.): cross-entropy of the anchor views' soft nearest-neighbour predictions
    against the sharpened predictions of the other views, plus the mean-entropy maximisation
    regulariser on the sharpened anchor predictions."""

    def __init__(self, tau=0.1, T=0.25, me_max=True):
        self.tau, self.T, self.me_max = tau, T, me_max

    def __call__(self, anchors, targets, supports, labels):
        probs = snn(anchors, supports, labels, self.tau)
        with torch.no_grad():
            targets = sharpen(snn(targets, supports, labels, self.tau), self.T)
        loss = torch.mean(torch.sum(torch.log(probs ** (-targets)), dim=1))
        if self.me_max:
            avg_probs = torch.mean(sharpen(probs, self.T), dim=0)  # L
            loss = loss - torch.sum(torch.log(avg_probs ** (-avg_probs))) + math.log(float(len(avg_probs)))
        return loss
