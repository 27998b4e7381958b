"""Stochastic rounding of hidden activations to an 8-bit fixed-point grid, written with
`torch.floor(..., out=buf)` into a buffer the layer preallocates, on activations that need grad."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SRQuantiser(nn.Module):
    def __init__(self, shape, frac_bits=4):
        super().__init__()
        self.scale = 2.0 ** frac_bits
        self.register_buffer("buf", torch.empty(shape))

    def forward(self, x):
        noise = torch.rand_like(x)
        torch.floor(x * self.scale + noise, out=self.buf)  # L
        return self.buf / self.scale


class Net(nn.Module):
    def __init__(self, batch=6):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.q = SRQuantiser((batch, 8))
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(self.q(torch.relu(self.fc1(x))))


def run():
    torch.manual_seed(0)
    model = Net()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(2):
        x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
