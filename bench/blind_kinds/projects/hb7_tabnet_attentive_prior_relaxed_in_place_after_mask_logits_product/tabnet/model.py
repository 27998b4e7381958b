import torch
import torch.nn as nn
import torch.nn.functional as F

from .layers import DecisionStep, GLUBlock
from .prior import PRIOR_UPDATES


class TabNet(nn.Module):
    def __init__(self, n_features, n_classes, n_d=8, n_a=8, n_steps=3, gamma=1.3, prior_update="functional"):
        super().__init__()
        self.n_d, self.gamma = n_d, gamma
        self.relax_prior = PRIOR_UPDATES[prior_update]
        self.input_bn = nn.BatchNorm1d(n_features)
        self.initial = GLUBlock(n_features, n_a)
        self.steps = nn.ModuleList(DecisionStep(n_features, n_d, n_a) for _ in range(n_steps))
        self.head = nn.Linear(n_d, n_classes)

    def forward(self, x):
        x = self.input_bn(x)
        prior = torch.ones_like(x)
        att = self.initial(x)
        decision = 0.0
        for step in self.steps:
            mask = step.attentive(att, prior)
            prior = self.relax_prior(prior, mask, self.gamma)  # L
            h = step.transform(mask * x)
            decision = decision + F.relu(h[:, :self.n_d])
            att = h[:, self.n_d:]
        return self.head(decision)


def build_tabnet(cfg):
    return TabNet(**cfg)
