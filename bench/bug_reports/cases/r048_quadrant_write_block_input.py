# Source: https://github.com/Jee-King/TSAN/issues/3
# Report: training TSAN raises "one of the variables needed for gradient
# computation has been modified by an inplace operation"; the fix given is in
# model/tsan.py line 103: `out = x` --> `out = x.clone()`.  The CSB branch writes
# its four re-mixed quadrants back into `out`, which is the block's input x itself;
# the block's other branch (DRB) has already run a convolution on x, which saved it.
import torch
import torch.nn as nn


class DRB(nn.Module):
    def __init__(self, n_feats):
        super().__init__()
        self.conv_1 = nn.Conv2d(n_feats, n_feats, 3, padding=1)
        self.conv_1x1 = nn.Conv2d(n_feats, n_feats, kernel_size=1, padding=0, bias=False)

    def forward(self, x):
        out = self.conv_1x1(torch.relu(self.conv_1(x)))
        out = x + out
        return out


class CSB(nn.Module):
    def __init__(self, n_feats):
        super().__init__()
        self.conv1 = nn.Conv2d(n_feats * 4, n_feats * 4, kernel_size=1, padding=0, bias=False)

    def forward(self, x):
        h, w = x.size(2) // 2, x.size(3) // 2
        f1 = x[:, :, 0:h, 0:w]
        f2 = x[:, :, h:, 0:w]
        f3 = x[:, :, 0:h, w:]
        f4 = x[:, :, h:, w:]
        f_all = torch.cat([f1, f2, f3, f4], 1)
        f_all = self.conv1(f_all)
        c = f_all.size(1)
        out = x
        out[:, :, 0:h, 0:w] = f_all[:, 0:c // 4, :, :]  # hazard
        out[:, :, h:, 0:w] = f_all[:, c // 4:c // 2, :, :]  # hazard
        out[:, :, 0:h, w:] = f_all[:, c // 2:c * 3 // 4, :, :]  # hazard
        out[:, :, h:, w:] = f_all[:, c * 3 // 4:, :, :]  # hazard
        return out


class MCAB(nn.Module):
    def __init__(self, n_feats):
        super().__init__()
        self.drb = DRB(n_feats)
        self.csb = CSB(n_feats)
        self.conv3 = nn.Conv2d(n_feats, n_feats, kernel_size=3, padding=1, bias=False)

    def forward(self, x):
        down_b = self.drb(x)
        top_b = self.csb(x)
        top_b = torch.sigmoid(self.conv3(top_b))
        return down_b * top_b


class TSAN(nn.Module):
    def __init__(self, n_colors=3, n_feats=4):
        super().__init__()
        self.first_conv = nn.Conv2d(n_colors, n_feats, 1, padding=0, stride=1)
        self.body1 = MCAB(n_feats)
        self.body2 = MCAB(n_feats)
        self.tail = nn.Conv2d(n_feats * 2, n_colors, 3, padding=1)

    def forward(self, x):
        first_out = self.first_conv(x)
        out_dense1 = self.body1(first_out)
        out_dense2 = self.body2(out_dense1)
        return self.tail(torch.cat([out_dense1, out_dense2], 1)) + x


def run():
    torch.manual_seed(0)
    model = TSAN()
    lr, hr = torch.randn(1, 3, 6, 6), torch.randn(1, 3, 6, 6)
    nn.functional.l1_loss(model(lr), hr).backward()


if __name__ == "__main__":
    run()
