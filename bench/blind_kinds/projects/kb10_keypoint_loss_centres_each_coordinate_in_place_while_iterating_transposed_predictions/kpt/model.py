import torch.nn as nn


class KeypointNet(nn.Module):
    """Regresses K (x, y) keypoints from a flattened 8x8 crop."""

    def __init__(self, n_keypoints=3, hidden=16):
        super().__init__()
        self.k = n_keypoints
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, 2 * n_keypoints))

    def forward(self, img):
        return self.net(img).view(-1, self.k, 2)
