"""L0 regularisation with hard-concrete gates: the stretch is out of place, the clip in place."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F

GAMMA, ZETA, BETA = -0.1, 1.1, 2.0 / 3.0


def stretch_and_clip_(s):
    """Stretch the concrete sample to (gamma, zeta), then clip to [0, 1]."""
    return (s * (ZETA - GAMMA) + GAMMA).clamp_(0.0, 1.0)  # L


class HardConcreteGate(nn.Module):
    def __init__(self, n):
        super().__init__()
        self.log_alpha = nn.Parameter(torch.zeros(n))

    def forward(self, batch):
        u = torch.rand(batch, self.log_alpha.numel()).clamp(1e-6, 1 - 1e-6)
        s = torch.sigmoid((torch.log(u) - torch.log(1 - u) + self.log_alpha) / BETA)
        return stretch_and_clip_(s)  # L

    def expected_l0(self):
        return torch.sigmoid(self.log_alpha - BETA * math.log(-GAMMA / ZETA)).sum()


class GatedMLP(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(5, 8)
        self.gate = HardConcreteGate(8)
        self.fc2 = nn.Linear(8, 3)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)) * self.gate(x.shape[0]))


def run():
    torch.manual_seed(0)
    model = GatedMLP()
    opt = torch.optim.Adam(model.parameters(), lr=1e-2)
    for _ in range(2):
        x, y = torch.randn(6, 5), torch.randint(0, 3, (6,))
        loss = F.cross_entropy(model(x), y) + 1e-3 * model.gate.expected_l0()
        opt.zero_grad()
        loss.backward()
        opt.step()
