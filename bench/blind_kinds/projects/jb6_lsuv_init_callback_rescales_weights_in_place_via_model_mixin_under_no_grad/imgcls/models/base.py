import torch.nn as nn


class ClassifierBase(nn.Module):
    """A feature extractor followed by a linear classifier."""

    def __init__(self, num_classes):
        super().__init__()
        self.num_classes = num_classes

    def features(self, x):
        raise NotImplementedError

    def forward(self, x):
        return self.classifier(self.features(x).flatten(1))

    def weighted_layers(self):
        return [m for m in self.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
