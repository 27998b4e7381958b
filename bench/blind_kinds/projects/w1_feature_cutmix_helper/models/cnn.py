import torch.nn as nn


class SmallCNN(nn.Module):
    def __init__(self, in_ch=3, width=8, n_cls=4):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(in_ch, width, 3, padding=1), nn.ReLU())
        self.body = nn.Sequential(nn.Conv2d(width, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU())
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(width, n_cls))

    def forward(self, x, feature_aug=None):
        f = self.stem(x)
        if feature_aug is not None:
            f = feature_aug(f)
        return self.head(self.body(f))
