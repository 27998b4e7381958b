import torch.nn as nn
import torch.nn.functional as F


class AlwaysOnDropout(nn.Dropout):
    """Dropout that stays active in eval mode too (Gal & Ghahramani 2016)."""

    def forward(self, x):
        return F.dropout(x, self.p, training=True)


class MCDropoutNet(nn.Module):
    def __init__(self, d=10, n_cls=4, hidden=32, p=0.2):
        super().__init__()
        self.body = nn.Sequential(nn.Linear(d, hidden), nn.ReLU(), AlwaysOnDropout(p),
                                  nn.Linear(hidden, hidden), nn.ReLU(), AlwaysOnDropout(p))
        self.head = nn.Linear(hidden, n_cls)

    def forward(self, x):
        return self.head(self.body(x))
