"""Stochastic rounding of the weights to an 8-bit fixed-point grid after each optimizer step,
written with `torch.floor(..., out=buf)` into a preallocated buffer and copied back, all under
no_grad; the activations stay in full precision."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class SRWeightRounder:
    def __init__(self, model, frac_bits=6):
        self.scale = 2.0 ** frac_bits
        self.params = [p for p in model.parameters() if p.dim() == 2]
        self.bufs = [torch.empty_like(p) for p in self.params]

    @torch.no_grad()
    def __call__(self):
        for p, buf in zip(self.params, self.bufs):
            noise = torch.rand_like(p)
            torch.floor(p * self.scale + noise, out=buf)  # L
            p.copy_(buf / self.scale)  # L


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


def run():
    torch.manual_seed(0)
    model = Net()
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    rounder = SRWeightRounder(model)
    for _ in range(2):
        x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        rounder()
