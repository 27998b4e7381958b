"""Quantisation-aware training: tanh activations rounded to a few levels, straight-through (.data rebound)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


def quantise(t, levels):
    return torch.round(t * levels) / levels


class QuantTanh(nn.Module):
    def __init__(self, levels=4):
        super().__init__()
        self.levels = levels

    def forward(self, x):
        h = torch.tanh(x)
        h.data = quantise(h.data, self.levels)  # L
        return h


class QuantMLP(nn.Module):
    def __init__(self, act=QuantTanh):
        super().__init__()
        self.fc1, self.act, self.fc2 = nn.Linear(5, 8), act(), nn.Linear(8, 2)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class STEQuantTanh(QuantTanh):
    """Reference: the same forward values, gradient straight through tanh at its real output."""

    def forward(self, x):
        h = torch.tanh(x)
        return h + (quantise(h, self.levels) - h).detach()


def train(steps=2, record=None):
    torch.manual_seed(0)
    model = QuantMLP()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        x, y = torch.randn(6, 5), torch.randn(6, 2)
        if record is not None:
            ref = QuantMLP(STEQuantTanh)
            ref.load_state_dict(model.state_dict())
            want = torch.autograd.grad(F.mse_loss(ref(x), y), list(ref.parameters()))
        loss = F.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        if record is not None:
            record.append((want, [p.grad.clone() for p in model.parameters()]))
        opt.step()


def run():
    train()


def silent_hazard():
    record = []
    train(record=record)
    return any(not torch.allclose(a, b, atol=1e-6) for want, got in record for a, b in zip(want, got))
