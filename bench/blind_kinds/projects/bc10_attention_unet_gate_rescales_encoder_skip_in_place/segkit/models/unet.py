import torch
import torch.nn as nn

from .blocks import AttentionGate, DoubleConv, PlainSkip


class UNet(nn.Module):
    def __init__(self, in_ch=3, n_classes=1, widths=(8, 16, 32)):
        super().__init__()
        self.downs = nn.ModuleList()
        c = in_ch
        for w in widths:
            self.downs.append(DoubleConv(c, w))
            c = w
        self.pool = nn.MaxPool2d(2)
        self.ups, self.decs, self.gates = nn.ModuleList(), nn.ModuleList(), nn.ModuleList()
        for w in reversed(widths[:-1]):
            self.ups.append(nn.ConvTranspose2d(c, w, 2, stride=2))
            self.gates.append(self.make_gate(w, w))
            self.decs.append(DoubleConv(2 * w, w))
            c = w
        self.out = nn.Conv2d(c, n_classes, 1)

    def make_gate(self, c_gate, c_skip):
        return PlainSkip()

    def forward(self, x):
        skips = []
        for i, down in enumerate(self.downs):
            x = down(x)
            if i < len(self.downs) - 1:
                skips.append(x)
                x = self.pool(x)
        for up, gate, dec, skip in zip(self.ups, self.gates, self.decs, reversed(skips)):
            x = up(x)
            x = dec(torch.cat([x, gate(x, skip)], dim=1))  # L
        return self.out(x)


class AttentionUNet(UNet):
    def make_gate(self, c_gate, c_skip):
        return AttentionGate(c_gate, c_skip, max(c_skip // 2, 1))
