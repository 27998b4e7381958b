import torch
import torch.nn as nn


class IncrementalHead(nn.Module):
    """A linear classifier that grows by n_new outputs at each task, keeping the old classes' rows."""

    def __init__(self, in_features, n_classes):
        super().__init__()
        self.fc = nn.Linear(in_features, n_classes)

    @property
    def n_classes(self):
        return self.fc.out_features

    @torch.no_grad()
    def expand(self, n_new):
        old = self.fc
        self.fc = nn.Linear(old.in_features, old.out_features + n_new)
        self.fc.weight[: old.out_features] = old.weight  # L
        self.fc.bias[: old.out_features] = old.bias  # L

    def forward(self, feats):
        return self.fc(feats)
