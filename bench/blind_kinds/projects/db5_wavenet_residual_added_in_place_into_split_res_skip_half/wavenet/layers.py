import torch
import torch.nn as nn
import torch.nn.functional as F

from .ops import split_channels


class CausalConv1d(nn.Conv1d):
    def __init__(self, c_in, c_out, kernel_size, dilation=1):
        super().__init__(c_in, c_out, kernel_size, dilation=dilation)
        self.left_pad = (kernel_size - 1) * dilation

    def forward(self, x):
        return super().forward(F.pad(x, (self.left_pad, 0)))


class ResidualLayer(nn.Module):
    """Gated dilated convolution; one 1x1 convolution produces both the residual and the skip output."""

    def __init__(self, res_ch, skip_ch, dilation, split="slice"):
        super().__init__()
        self.sizes = (res_ch, skip_ch)
        self.split = split
        self.filter = CausalConv1d(res_ch, res_ch, 2, dilation)
        self.gate = CausalConv1d(res_ch, res_ch, 2, dilation)
        self.res_skip = nn.Conv1d(res_ch, res_ch + skip_ch, 1)

    def forward(self, x):
        z = torch.tanh(self.filter(x)) * torch.sigmoid(self.gate(x))
        res, skip = split_channels(self.res_skip(z), self.sizes, self.split)
        res += x  # L
        return res, skip
