import torch.nn as nn
import torch.nn.functional as F


class GLUBlock(nn.Module):
    def __init__(self, d_in, d_out):
        super().__init__()
        self.fc = nn.Linear(d_in, 2 * d_out)
        self.bn = nn.BatchNorm1d(2 * d_out)

    def forward(self, x):
        return F.glu(self.bn(self.fc(x)), dim=-1)


class AttentiveTransformer(nn.Module):
    """Feature-selection mask from the previous step's attention features, scaled by the prior
    (softmax here where the paper has sparsemax)."""

    def __init__(self, d_att, n_features):
        super().__init__()
        self.fc = nn.Linear(d_att, n_features)
        self.bn = nn.BatchNorm1d(n_features)

    def forward(self, att, prior):
        return F.softmax(self.bn(self.fc(att)) * prior, dim=-1)


class DecisionStep(nn.Module):
    def __init__(self, n_features, n_d, n_a):
        super().__init__()
        self.attentive = AttentiveTransformer(n_a, n_features)
        self.transform = nn.Sequential(GLUBlock(n_features, n_d + n_a), GLUBlock(n_d + n_a, n_d + n_a))
