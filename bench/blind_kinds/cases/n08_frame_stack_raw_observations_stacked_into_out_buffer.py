"""RL value network of the current state over the last ``k`` steps, kept in a ``deque``.

The stacker reuses one preallocated buffer (``torch.stack(..., out=buf)``) to avoid an
allocation per step; here it stacks the raw observations (no grad), and the encoder runs on
the stacked window afterwards.
"""
from collections import deque

import torch
import torch.nn as nn
import torch.nn.functional as F


class FrameStacker:
    def __init__(self, k, shape):
        self.k = k
        self.history = deque(maxlen=k)
        self.buf = torch.empty(shape[0], k, *shape[1:])

    def reset(self, first):
        self.history.clear()
        self.history.extend([first] * self.k)

    def push(self, item):
        self.history.append(item)
        return torch.stack(tuple(self.history), dim=1, out=self.buf)  # L


class ValueNet(nn.Module):
    def __init__(self, obs_dim=4, feat=6, k=3):
        super().__init__()
        self.encode = nn.Sequential(nn.Linear(obs_dim, feat), nn.Tanh())
        self.value = nn.Linear(k * feat, 1)
        self.stacker = FrameStacker(k, (2, obs_dim))

    def forward(self, frames):
        self.stacker.reset(frames[0])
        for obs in frames[1:]:
            window = self.stacker.push(obs)  # L
        return self.value(self.encode(window).flatten(1))


def run():
    torch.manual_seed(0)
    net = ValueNet()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    for _ in range(2):
        frames = torch.randn(4, 2, 4)
        returns = torch.randn(2, 1)
        loss = F.smooth_l1_loss(net(frames), returns)
        opt.zero_grad()
        loss.backward()
        opt.step()
