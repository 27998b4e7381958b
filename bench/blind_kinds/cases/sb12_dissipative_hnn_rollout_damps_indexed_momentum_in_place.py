"""A dissipative Hamiltonian neural network rolled out with symplectic Euler: the state z holds
(q, p) in its last dimension, the learned potential V(q) gives the force through autograd.grad, and
each step first applies linear friction to the momentum in place. q and p are taken by indexing the
last dimension."""
import torch
import torch.nn as nn


class Potential(nn.Module):
    def __init__(self, hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(1, hidden), nn.Tanh(), nn.Linear(hidden, 1))

    def force(self, q):
        q = q if q.requires_grad else q.requires_grad_()
        V = self.net(q.unsqueeze(-1)).sum()
        (dV,) = torch.autograd.grad(V, q, create_graph=True)
        return -dV


class DampedIntegrator(nn.Module):
    def __init__(self, dt=0.1, gamma=0.2):
        super().__init__()
        self.potential = Potential()
        self.encoder = nn.Linear(2, 2)
        self.dt, self.gamma = dt, gamma

    def split(self, z):
        return z[..., 0], z[..., 1]

    def step(self, z):
        q, p = self.split(z)
        p.mul_(1.0 - self.gamma * self.dt)  # L
        p_next = p + self.dt * self.potential.force(q)
        q_next = q + self.dt * p_next
        return torch.stack([q_next, p_next], dim=-1)

    def forward(self, obs, n_steps):
        z = self.encoder(obs)
        traj = []
        for _ in range(n_steps):
            z = self.step(z)  # L
            traj.append(z)
        return torch.stack(traj, dim=1)


def run():
    torch.manual_seed(0)
    model = DampedIntegrator()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        obs = torch.randn(5, 2)
        target = torch.randn(5, 3, 2)
        loss = (model(obs, 3) - target).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
