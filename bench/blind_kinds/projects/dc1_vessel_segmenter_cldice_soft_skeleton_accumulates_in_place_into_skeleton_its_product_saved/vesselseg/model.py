import torch
import torch.nn as nn
import torch.nn.functional as F


class TinyUNet(nn.Module):
    """One level of down/up sampling; returns foreground probabilities."""

    def __init__(self, ch=8):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(1, ch, 3, padding=1), nn.ReLU())
        self.mid = nn.Sequential(nn.Conv2d(ch, 2 * ch, 3, padding=1), nn.ReLU())
        self.up = nn.ConvTranspose2d(2 * ch, ch, 2, stride=2)
        self.head = nn.Conv2d(2 * ch, 1, 1)

    def forward(self, x):
        e = self.enc(x)
        m = self.mid(F.max_pool2d(e, 2))
        return torch.sigmoid(self.head(torch.cat([e, self.up(m)], 1)))
