# Source: https://github.com/AggMan96/RK-Net/issues/9
# Safe twin: the suggested fix, `att = att.clone()` before the border writes.
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
            att = att.clone()
            att[:, :, :, 0] = 0
            att[:, :, :, -1] = 0
            att[:, :, 0, :] = 0
            att[:, :, -1, :] = 0
        return x * att


def run():
    m = Attention()
    m(torch.randn(2, 4, 6, 6)).sum().backward()


if __name__ == "__main__":
    run()
