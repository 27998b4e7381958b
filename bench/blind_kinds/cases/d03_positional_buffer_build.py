import math
import torch
import torch.nn as nn


class PositionalEncoding(nn.Module):
    def __init__(self, d, max_len=16):
        super().__init__()
        pe = torch.zeros(max_len, d)
        pos = torch.arange(max_len).unsqueeze(1).float()
        div = torch.exp(torch.arange(0, d, 2).float() * (-math.log(10000.0) / d))
        pe[:, 0::2] = torch.sin(pos * div)  # L
        pe[:, 1::2] = torch.cos(pos * div)  # L
        self.register_buffer("pe", pe)

    def forward(self, x):
        return x + self.pe[: x.size(1)]


def run():
    torch.manual_seed(0)
    enc = PositionalEncoding(6)
    x = torch.randn(2, 5, 6, requires_grad=True)
    enc(x).sum().backward()
