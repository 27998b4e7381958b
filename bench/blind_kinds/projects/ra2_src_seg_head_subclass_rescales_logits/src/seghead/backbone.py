import torch.nn as nn


class Backbone(nn.Module):
    def __init__(self, in_ch=2, width=6, depth=2):
        super().__init__()
        layers = []
        for i in range(depth):
            layers += [nn.Conv1d(in_ch if i == 0 else width, width, 3, padding=1), nn.BatchNorm1d(width), nn.ReLU()]
        self.body = nn.Sequential(*layers)
        self.out_ch = width

    def forward(self, x):
        return self.body(x)
