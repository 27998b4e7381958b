"""IGEBM-style energy model (Du & Mordatch 2019) trained by contrastive divergence with a replay
buffer: negatives come from short-run Langevin dynamics started at buffer samples.  The trainer
clamps the final negatives to the image range in place while writing them back to the buffer,
after the contrastive loss's forward already ran the energy net on them."""
import torch
import torch.nn as nn


class EnergyNet(nn.Module):
    def __init__(self, ch=3):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(ch, 8, 3, padding=1), nn.SiLU(), nn.Conv2d(8, 8, 3, stride=2, padding=1),
                                  nn.SiLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(8, 1))

    def forward(self, x):
        return self.body(x).squeeze(-1)


def langevin(energy, x, steps=5, step_size=10.0, noise=0.005):
    x = x.clone().requires_grad_(True)
    for _ in range(steps):
        grad, = torch.autograd.grad(energy(x).sum(), x)
        x = (x - step_size * grad + noise * torch.randn_like(x)).detach().requires_grad_(True)
    return x.detach()


class ReplayBuffer:
    def __init__(self, size, shape):
        self.data = torch.rand(size, *shape) * 2 - 1

    def sample(self, n):
        idx = torch.randint(0, len(self.data), (n,))
        return self.data[idx], idx

    def push(self, x, idx):
        self.data[idx] = x


def run():
    torch.manual_seed(0)
    net = EnergyNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-4, betas=(0.0, 0.999))
    buffer = ReplayBuffer(32, (3, 8, 8))
    for _ in range(2):
        pos = torch.rand(4, 3, 8, 8) * 2 - 1
        start, idx = buffer.sample(4)
        neg = langevin(net, start)
        e_pos, e_neg = net(pos), net(neg)
        loss = e_pos.mean() - e_neg.mean() + 0.1 * (e_pos.pow(2).mean() + e_neg.pow(2).mean())
        buffer.push(neg.clamp_(-1, 1), idx)  # L
        opt.zero_grad()
        loss.backward()
        opt.step()
