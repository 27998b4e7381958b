"""A neural ODE trained by backpropagating through a fixed-step RK4 solver. The vector field is
bounded by a final tanh times a learned gain; the step accumulates the four stages into the first stage's tensor
(`acc = k1; acc += 2 * k2; ...`) to avoid allocating a sum."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class VectorField(nn.Module):
    def __init__(self, dim=3, hidden=16):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.fc2 = nn.Linear(hidden, dim)
        self.gain = nn.Parameter(torch.ones(dim))

    def forward(self, y):
        return self.gain * torch.tanh(self.fc2(F.softplus(self.fc1(y))))


def rk4_step(f, y, h):
    k1 = f(y)
    k2 = f(y + 0.5 * h * k1)
    k3 = f(y + 0.5 * h * k2)
    k4 = f(y + h * k3)
    acc = k1
    acc += 2.0 * k2  # L
    acc += 2.0 * k3  # L
    acc += k4  # L
    return y + (h / 6.0) * acc


def odeint(f, y0, t_grid):
    ys = [y0]
    for t0, t1 in zip(t_grid[:-1], t_grid[1:]):
        ys.append(rk4_step(f, ys[-1], float(t1 - t0)))
    return torch.stack(ys)


def run():
    torch.manual_seed(0)
    f = VectorField()
    opt = torch.optim.Adam(f.parameters(), lr=1e-2)
    t_grid = torch.linspace(0.0, 1.0, 5)
    y0 = torch.randn(8, 3)
    target = torch.randn(5, 8, 3)
    for _ in range(2):
        traj = odeint(f, y0, t_grid)
        loss = F.mse_loss(traj, target)
        opt.zero_grad()
        loss.backward()
        opt.step()
