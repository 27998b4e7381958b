"""A separable Hamiltonian network (learned potential V(q), kinetic p^2/2) trained by rolling a
hand-written leapfrog integrator and matching the observed trajectory. The drift updates the
position in place "to avoid a copy per step"; the potential's first Linear read q to give the kick."""
import torch
import torch.nn as nn


class Potential(nn.Module):
    def __init__(self, dim=2, hidden=16):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(dim, hidden), nn.Softplus(), nn.Linear(hidden, 1))

    def force(self, q):
        energy = self.net(q).sum()
        (grad,) = torch.autograd.grad(energy, q, create_graph=True)
        return -grad


def leapfrog(potential, q, p, dt, steps):
    traj = []
    for _ in range(steps):
        p = p + 0.5 * dt * potential.force(q)
        q.add_(dt * p)  # L
        p = p + 0.5 * dt * potential.force(q)
        traj.append(q.clone())
    return torch.stack(traj)


def run():
    torch.manual_seed(0)
    potential = Potential()
    opt = torch.optim.Adam(potential.parameters(), lr=1e-2)
    for _ in range(2):
        q0 = torch.randn(4, 2, requires_grad=True)
        p0 = torch.randn(4, 2)
        observed = torch.randn(3, 4, 2)
        q = q0.clone()
        traj = leapfrog(potential, q, p0, 0.1, 3)  # L
        loss = (traj - observed).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
