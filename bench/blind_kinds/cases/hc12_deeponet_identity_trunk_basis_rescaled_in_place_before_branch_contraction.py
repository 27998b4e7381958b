"""DeepONet (Lu et al. 2021) learning the antiderivative operator: a branch net encodes the input
function sampled at m sensors, a trunk net encodes the query points, and the output is their inner
product over p basis functions.  The trunk's last layer is left linear (its activation is
`nn.Identity`), and the trunk basis is rescaled in place by 1/sqrt(p) so the contraction keeps unit scale."""
import math

import torch
import torch.nn as nn


class DeepONet(nn.Module):
    def __init__(self, m=20, p=16, trunk_act=nn.Identity):
        super().__init__()
        self.p = p
        self.branch = nn.Sequential(nn.Linear(m, 32), nn.Tanh(), nn.Linear(32, p))
        self.trunk = nn.Sequential(nn.Linear(1, 32), nn.Tanh(), nn.Linear(32, p), trunk_act())
        self.b0 = nn.Parameter(torch.zeros(1))

    def forward(self, u_sensors, y):
        b = self.branch(u_sensors)           # [B, p]
        t = self.trunk(y)                    # [N, p]
        t.mul_(1.0 / math.sqrt(self.p))  # L
        return torch.einsum("bp,np->bn", b, t) + self.b0


def make_batch(B=8, m=20, N=10):
    xs = torch.linspace(0, 1, m)
    k = torch.randn(B, 1)
    u = torch.cos(k * xs)                    # input functions at the sensors
    y = torch.rand(N, 1)
    target = torch.sin(k * y.T) / k          # their antiderivatives at the query points
    return u, y, target


def run():
    torch.manual_seed(0)
    net = DeepONet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        u, y, target = make_batch()
        loss = ((net(u, y) - target) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
