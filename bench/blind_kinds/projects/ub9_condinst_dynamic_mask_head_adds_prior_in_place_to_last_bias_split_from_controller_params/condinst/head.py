import torch
import torch.nn as nn
import torch.nn.functional as F

from .dynamic import param_counts, parse_dynamic_params
from .utils import add_prior_, foreground_prior


class DynamicMaskHead(nn.Module):
    def __init__(self, in_channels=4, channels=4, layers=3):
        super().__init__()
        self.in_channels, self.channels = in_channels, channels
        self.weight_nums, self.bias_nums = param_counts(in_channels, channels, layers)
        self.num_gen_params = sum(self.weight_nums) + sum(self.bias_nums)
        self.prior = foreground_prior()

    def forward(self, mask_feats, params):
        n = params.size(0)
        weights, biases = parse_dynamic_params(params, self.in_channels, self.channels,
                                               self.weight_nums, self.bias_nums)
        add_prior_(biases[-1], self.prior)  # L
        h, w = mask_feats.shape[-2:]
        x = mask_feats.expand(n, -1, -1, -1).reshape(1, -1, h, w)
        for i, (wt, b) in enumerate(zip(weights, biases)):
            x = F.conv2d(x, wt, b, groups=n)
            if i < len(weights) - 1:
                x = F.relu(x)
        return x.reshape(n, 1, h, w)
