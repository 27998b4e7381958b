import torch
import torch.nn as nn

from .frontend import LearnedFilterbank


class KeywordSpotter(nn.Module):
    def __init__(self, n_keywords=4, n_filters=6, augment=None):
        super().__init__()
        self.frontend = LearnedFilterbank(n_filters)
        self.augment = augment
        self.encoder = nn.Sequential(nn.Conv1d(n_filters, 8, 3, padding=1), nn.BatchNorm1d(8), nn.ReLU())
        self.classifier = nn.Linear(8, n_keywords)

    def forward(self, wave):
        spec = self.frontend(wave)
        if self.training and self.augment is not None:
            spec = self.augment(spec)  # L
        feats = torch.log(spec + 1e-3)
        return self.classifier(self.encoder(feats).mean(-1))
