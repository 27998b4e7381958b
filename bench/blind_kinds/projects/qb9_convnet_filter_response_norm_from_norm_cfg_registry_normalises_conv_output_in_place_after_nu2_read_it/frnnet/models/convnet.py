import torch.nn as nn

from ..layers import build_norm_layer


class ConvNorm(nn.Sequential):
    def __init__(self, c_in, c_out, stride, norm_cfg):
        super().__init__(nn.Conv2d(c_in, c_out, 3, stride, 1, bias=False), build_norm_layer(norm_cfg, c_out))


class FRNConvNet(nn.Module):
    def __init__(self, widths, classes, norm_cfg):
        super().__init__()
        chans = [3] + list(widths)
        self.features = nn.Sequential(*[
            ConvNorm(a, b, 2 if i else 1, norm_cfg) for i, (a, b) in enumerate(zip(chans[:-1], chans[1:]))
        ])
        self.fc = nn.Linear(chans[-1], classes)

    def forward(self, x):
        return self.fc(self.features(x).mean((2, 3)))  # L
