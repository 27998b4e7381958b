from dataclasses import dataclass
from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class RolloutConfig:
    d_in: int = 3
    hidden: int = 8
    actions: int = 4
    steps: int = 5
    state_noise: float = 0.05


def jitter_(h, sigma):
    """State-noise regulariser: perturb the recurrent state in place."""
    return h.add_(torch.randn_like(h) * sigma)  # L


class RecurrentPolicy(nn.Module):
    def __init__(self, cfg: RolloutConfig):
        super().__init__()
        self.cfg = cfg
        self.cell = nn.GRUCell(cfg.d_in, cfg.hidden)
        self.head = nn.Linear(cfg.hidden, cfg.actions)
        self.perturb = partial(jitter_, sigma=cfg.state_noise)

    def forward(self, obs):
        h = obs.new_zeros(obs.shape[1], self.cfg.hidden)
        logits = []
        for x in obs:
            h = self.cell(x, h)
            logits.append(self.head(h))
            if self.training:
                self.perturb(h)
        return torch.stack(logits)


def run():
    torch.manual_seed(0)
    cfg = RolloutConfig()
    policy = RecurrentPolicy(cfg)
    opt = torch.optim.RMSprop(policy.parameters(), lr=1e-3)
    obs = torch.randn(cfg.steps, 2, cfg.d_in)
    actions = torch.randint(0, cfg.actions, (cfg.steps, 2))
    for _ in range(2):
        logits = policy(obs)
        loss = F.cross_entropy(logits.flatten(0, 1), actions.flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()
