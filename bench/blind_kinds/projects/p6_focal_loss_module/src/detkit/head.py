import torch.nn as nn

from detkit.losses import sigmoid_focal_loss


class ClsHead(nn.Module):
    def __init__(self, d, n):
        super().__init__()
        self.fc = nn.Linear(d, n)

    def loss(self, feats, targets):
        return sigmoid_focal_loss(self.fc(feats), targets)  # L
