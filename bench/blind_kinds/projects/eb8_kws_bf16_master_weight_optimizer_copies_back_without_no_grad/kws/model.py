import torch.nn as nn


class KeywordSpotter(nn.Module):
    """A small TDNN over log-mel frames."""

    def __init__(self, n_mels=10, channels=16, n_keywords=4):
        super().__init__()
        self.tdnn = nn.Sequential(
            nn.Conv1d(n_mels, channels, 3, padding=1), nn.ReLU(),
            nn.Conv1d(channels, channels, 3, padding=2, dilation=2), nn.ReLU(),
        )
        self.head = nn.Linear(channels, n_keywords)

    def forward(self, feats):
        return self.head(self.tdnn(feats).mean(-1))
