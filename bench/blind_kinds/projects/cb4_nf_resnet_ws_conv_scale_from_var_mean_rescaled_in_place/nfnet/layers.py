import torch
import torch.nn as nn
import torch.nn.functional as F

from .ops import standardize_weight


class WSConv2d(nn.Conv2d):
    def __init__(self, *args, stat="var", eps=1e-4, **kwargs):
        super().__init__(*args, **kwargs)
        self.gain = nn.Parameter(torch.ones(self.out_channels, 1, 1, 1))
        self.stat = stat
        self.eps = eps

    def forward(self, x):
        weight = standardize_weight(self.weight, self.gain, self.eps, self.stat)  # L
        return F.conv2d(x, weight, self.bias, self.stride, self.padding, self.dilation, self.groups)
