from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F

act = partial(F.relu, inplace=False)


class Down(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv = nn.Conv1d(c_in, c_out, 3, padding=1)

    def forward(self, x):
        return act(self.conv(x))


class TinyUNet(nn.Module):
    def __init__(self, c=4, widths=(8, 8, 8)):
        super().__init__()
        chans = (c,) + widths
        self.downs = nn.ModuleList(Down(a, b) for a, b in zip(chans[:-1], chans[1:]))
        self.ups = nn.ModuleList(nn.ConvTranspose1d(w, w, 2, stride=2) for w in widths[1:])
        self.head = nn.Conv1d(widths[0], c, 1)

    def forward(self, x):
        skips = []
        for i, down in enumerate(self.downs):
            x = down(x)
            if i < len(self.downs) - 1:
                skips.append(x)
                x = F.max_pool1d(x, 2)
        for up, skip in zip(self.ups, reversed(skips)):
            x = up(x)
            x += skip  # L
        return self.head(x)


def run():
    torch.manual_seed(0)
    net = TinyUNet()
    opt = torch.optim.SGD(net.parameters(), lr=0.01)
    x = torch.randn(2, 4, 16)
    loss = F.mse_loss(net(x), x)
    opt.zero_grad()
    loss.backward()
    opt.step()
