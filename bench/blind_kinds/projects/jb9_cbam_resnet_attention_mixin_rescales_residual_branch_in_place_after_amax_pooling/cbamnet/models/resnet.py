import torch.nn as nn


class ResNet(nn.Module):
    def __init__(self, block, widths, num_classes, reduction=16):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, widths[0], 3, 1, 1, bias=False), nn.BatchNorm2d(widths[0]),
                                  nn.ReLU())
        stages, c_in = [], widths[0]
        for i, w in enumerate(widths):
            stages.append(block(c_in, w, stride=1 if i == 0 else 2, reduction=reduction))
            c_in = w
        self.stages = nn.ModuleList(stages)
        self.fc = nn.Linear(c_in, num_classes)

    def forward(self, x):
        x = self.stem(x)
        for stage in self.stages:
            x = stage(x)  # L
        return self.fc(x.mean(dim=(2, 3)))
