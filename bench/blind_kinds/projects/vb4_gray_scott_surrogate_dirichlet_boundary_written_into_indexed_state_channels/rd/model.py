import torch
import torch.nn as nn
import torch.nn.functional as F

from .boundary import build_boundaries

LAPLACE = torch.tensor([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])


def laplacian(field):
    return F.conv2d(F.pad(field, (1, 1, 1, 1), mode="replicate"), LAPLACE.view(1, 1, 3, 3))


class GrayScottSolver:
    def __init__(self, cfg):
        self.cfg = cfg

    @torch.no_grad()
    def step(self, state):
        c = self.cfg
        u, v = state[:, :1], state[:, 1:]
        uvv = u * v * v
        u = u + c.dt * (c.du * laplacian(u) - uvv + c.feed * (1 - u))
        v = v + c.dt * (c.dv * laplacian(v) + uvv - (c.feed + c.kill) * v)
        return torch.cat([u, v], dim=1)


class ReactionDiffusionNet(nn.Module):
    """Residual conv surrogate; each species channel of the updated state gets its boundary
    condition, written through an indexed channel of the state."""

    def __init__(self, cfg, width=8):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(2, width, 3, padding=1), nn.GELU(), nn.Conv2d(width, 2, 3, padding=1))
        self.boundaries = build_boundaries(cfg.boundary, cfg.boundary_values)
        self.dt = cfg.dt

    def forward(self, state):
        state = state + self.dt * self.net(state)
        for channel, bc in enumerate(self.boundaries):
            bc(state[:, channel])  # L
        return state
