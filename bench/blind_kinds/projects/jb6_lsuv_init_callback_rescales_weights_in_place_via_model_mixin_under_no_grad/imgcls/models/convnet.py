import torch.nn as nn

from .base import ClassifierBase
from .mixins import LSUVMixin


class SmallConvNet(LSUVMixin, ClassifierBase):
    def __init__(self, widths=(8, 16), num_classes=4):
        super().__init__(num_classes)
        layers, c_in = [], 3
        for w in widths:
            layers += [nn.Conv2d(c_in, w, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2)]
            c_in = w
        self.body = nn.Sequential(*layers)
        self.classifier = nn.Linear(c_in * 2 * 2, num_classes)

    def features(self, x):
        return self.body(x)
