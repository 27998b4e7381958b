"""Quantisation-aware training with the `x + (q - x).detach()` straight-through trick, where the
quantised copy q is made by rounding `x.detach()` in place: the detached alias shares storage and
version counter with the activation; here the quantiser sits on the Linear's output, before the
tanh, and nothing kept that output."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def fake_quant(x, bits=4):
    levels = 2 ** (bits - 1) - 1
    q = x.detach()
    scale = q.abs().amax().clamp(min=1e-8) / levels
    q.div_(scale).round_().clamp_(-levels, levels).mul_(scale)  # L
    return x + (q - x).detach()


class QuantTanhNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 12)
        self.fc2 = nn.Linear(12, 2)

    def forward(self, x):
        h = fake_quant(self.fc1(x))  # L
        return self.fc2(torch.tanh(h))


def run():
    torch.manual_seed(0)
    model = QuantTanhNet()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, y = torch.randn(6, 5), torch.randn(6, 2)
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
