# Source: https://github.com/AggMan96/RK-Net/issues/9
# Report: an attention map produced by conv+ReLU has its borders zeroed by
# index assignment (`att[:, :, :, 0] = 0` ...): "output 0 of ReluBackward0 ...
# modified by an inplace operation". Suggested fix: `att = att.clone()` first.
import torch
import torch.nn as nn


class Attention(nn.Module):
    def __init__(self, polish=True):
        super().__init__()
        self.conv = nn.Conv2d(4, 1, 3, padding=1)
        self.relu = nn.ReLU()
        self.polish = polish

    def forward(self, x):
        att = self.relu(self.conv(x))
        if self.polish:
            att[:, :, :, 0] = 0  # hazard
            att[:, :, :, -1] = 0  # hazard
            att[:, :, 0, :] = 0  # hazard
            att[:, :, -1, :] = 0  # hazard
        return x * att


def run():
    m = Attention()
    m(torch.randn(2, 4, 6, 6)).sum().backward()


if __name__ == "__main__":
    run()
