import torch.nn as nn

from .factory import norm_act_conv


class PreActBlock(nn.Module):
    """He et al. 2016 (identity mappings): x + F(x), F = (norm, act, conv) x 2."""

    def __init__(self, c_in, c_out, stride, norm, act):
        super().__init__()
        self.branch = nn.Sequential(
            norm_act_conv(c_in, c_out, norm, act, stride),
            norm_act_conv(c_out, c_out, norm, act),
        )
        self.shortcut = None
        if stride != 1 or c_in != c_out:
            self.shortcut = nn.Conv2d(c_in, c_out, 1, stride, bias=False)

    def forward(self, x):
        shortcut = x if self.shortcut is None else self.shortcut(x)
        return self.branch(x) + shortcut  # L
