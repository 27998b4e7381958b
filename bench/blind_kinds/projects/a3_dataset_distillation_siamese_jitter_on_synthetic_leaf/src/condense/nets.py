import torch.nn as nn


class ConvNet(nn.Module):
    """The ConvNet of the dataset-condensation papers, shrunk: conv-instancenorm-relu-pool blocks."""

    def __init__(self, channels=3, width=8, depth=2, n_classes=4, size=8):
        super().__init__()
        layers, c = [], channels
        for _ in range(depth):
            layers += [nn.Conv2d(c, width, 3, padding=1), nn.GroupNorm(width, width, affine=True),
                       nn.ReLU(), nn.AvgPool2d(2)]
            c, size = width, size // 2
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Linear(width * size * size, n_classes)

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))
