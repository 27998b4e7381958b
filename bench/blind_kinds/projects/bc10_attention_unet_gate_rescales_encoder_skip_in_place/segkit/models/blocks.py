import torch
import torch.nn as nn


class DoubleConv(nn.Sequential):
    def __init__(self, c_in, c_out):
        super().__init__(
            nn.Conv2d(c_in, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
            nn.Conv2d(c_out, c_out, 3, padding=1, bias=False), nn.BatchNorm2d(c_out), nn.ReLU(inplace=True),
        )


class AttentionGate(nn.Module):
    """Oktay et al. 2018: a gating signal from the decoder re-weights the encoder's skip features."""

    def __init__(self, c_gate, c_skip, c_mid):
        super().__init__()
        self.w_g = nn.Conv2d(c_gate, c_mid, 1)
        self.w_x = nn.Conv2d(c_skip, c_mid, 1)
        self.psi = nn.Conv2d(c_mid, 1, 1)

    def forward(self, gate, skip):
        alpha = torch.sigmoid(self.psi(torch.relu(self.w_g(gate) + self.w_x(skip))))
        return skip.mul_(alpha)  # L


class PlainSkip(nn.Module):
    def forward(self, gate, skip):
        return skip
