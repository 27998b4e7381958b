"""A Hamiltonian neural network (Greydanus et al. 2019) on a 1-D oscillator.  Training fits the
symplectic gradient of the learned H to the true time derivatives, which needs `create_graph=True`
in `time_derivative`.  Each step also rolls the current model out with a hand-written symplectic
Euler integrator for a trajectory-energy monitor, writing every state into a preallocated
trajectory with `torch.add(..., out=traj[t + 1, ...])`; the rollout calls `time_derivative` with
its default."""
import torch
import torch.nn as nn


class HNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.H = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 1))

    def time_derivative(self, state, create_graph=True):
        state = state if state.requires_grad else state.detach().requires_grad_()
        dH = torch.autograd.grad(self.H(state).sum(), state, create_graph=create_graph)[0]
        dHdq, dHdp = dH[:, :1], dH[:, 1:]
        return dHdp, -dHdq  # dq/dt, dp/dt


def rollout(model, state0, steps=5, dt=0.1):
    traj = torch.empty(steps + 1, *state0.shape)
    traj[0] = state0
    for t in range(steps):
        q, p = traj[t, :, :1], traj[t, :, 1:]
        _, dp = model.time_derivative(traj[t])
        torch.add(p, dp, alpha=dt, out=traj[t + 1, :, 1:])  # L
        dq, _ = model.time_derivative(torch.cat([q, traj[t + 1, :, 1:]], 1))
        torch.add(q, dq, alpha=dt, out=traj[t + 1, :, :1])  # L
    return traj


def run():
    torch.manual_seed(0)
    model = HNN()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(2):
        state = torch.randn(16, 2)
        target = torch.cat([state[:, 1:], -state[:, :1]], 1)  # q' = p, p' = -q
        dq, dp = model.time_derivative(state)
        loss = ((torch.cat([dq, dp], 1) - target) ** 2).mean()
        traj = rollout(model, state[:4])
        energy_drift = (0.5 * traj.pow(2).sum(-1)).std(0).mean().item()
        opt.zero_grad()
        loss.backward()
        opt.step()
