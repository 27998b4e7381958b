import torch.nn as nn


class KeywordNet(nn.Module):
    def __init__(self, frontend, augment, n_mels=6, n_classes=3):
        super().__init__()
        self.frontend = frontend
        self.augment = augment
        self.conv = nn.Conv1d(n_mels, 16, 3, padding=1)
        self.head = nn.Linear(16, n_classes)

    def forward(self, wav):
        feats = self.frontend(wav)
        if self.training and self.augment is not None:
            feats = self.augment(feats)  # L
        h = self.conv(feats).relu().mean(-1)
        return self.head(h)
