from collections import OrderedDict

import torch.nn as nn


def stage(cin, cout, stride):
    return nn.Sequential(OrderedDict(
        conv=nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False),
        bn=nn.BatchNorm2d(cout),
        act=nn.ReLU(),
    ))


class SmallCNN(nn.Module):
    def __init__(self, widths=(8, 16), n_classes=10):
        super().__init__()
        chans = (3, *widths)
        self.stages = nn.Sequential(*[stage(a, b, 2) for a, b in zip(chans, chans[1:])])
        self.fc = nn.Linear(widths[-1], n_classes)

    def forward(self, x):
        return self.fc(self.stages(x).mean((2, 3)))
