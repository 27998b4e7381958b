import torch.nn as nn


def conv_block(c_in, c_out):
    return nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.BatchNorm2d(c_out), nn.ReLU())


class SimpleCNN(nn.Module):
    def __init__(self, n_classes=4):
        super().__init__()
        self.block1 = conv_block(1, 6)
        self.pool = nn.MaxPool2d(2)
        self.block2 = conv_block(6, 8)
        self.classifier = nn.Linear(8, n_classes)

    def forward(self, x):
        x = self.pool(self.block1(x))
        x = self.block2(x)
        return self.classifier(x.mean(dim=(2, 3)))
