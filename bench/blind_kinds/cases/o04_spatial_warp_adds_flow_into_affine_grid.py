"""Learned deformation: a flow field (tanh-bounded) added into the identity grid, then grid_sample."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class FlowWarp(nn.Module):
    def __init__(self, ch=3, max_disp=0.2):
        super().__init__()
        self.flow = nn.Conv2d(ch, 2, 3, padding=1)
        self.max_disp = max_disp

    def identity_grid(self, x):
        theta = torch.eye(2, 3).expand(x.shape[0], 2, 3)
        return F.affine_grid(theta, list(x.shape), align_corners=False)

    def forward(self, x):
        flow = torch.tanh(self.flow(x)).permute(0, 2, 3, 1)
        grid = self.identity_grid(x)
        grid += flow * self.max_disp  # L
        return F.grid_sample(x, grid, align_corners=False)


def run():
    torch.manual_seed(0)
    warp = FlowWarp()
    opt = torch.optim.SGD(warp.parameters(), lr=0.1)
    for _ in range(2):
        src, dst = torch.rand(2, 3, 8, 8), torch.rand(2, 3, 8, 8)
        loss = (warp(src) - dst).abs().mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
