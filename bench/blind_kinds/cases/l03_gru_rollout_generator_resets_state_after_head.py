from typing import Iterator, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F


class RecurrentPolicy(nn.Module):
    def __init__(self, obs_dim=5, hidden=8, n_actions=3):
        super().__init__()
        self.hidden = hidden
        self.cell = nn.GRUCell(obs_dim, hidden)
        self.pi = nn.Linear(hidden, n_actions)
        self.v = nn.Linear(hidden, 1)

    def initial_state(self, batch):
        return torch.zeros(batch, self.hidden)


def rollout(policy: RecurrentPolicy, obs: torch.Tensor, dones: torch.Tensor
            ) -> Iterator[Tuple[torch.Tensor, torch.Tensor]]:
    """Yields (logits, value) per step; the state is carried and reset where an episode ended."""
    h = policy.initial_state(obs.shape[1])
    t = 0
    while t < obs.shape[0]:
        h = policy.cell(obs[t], h)
        yield policy.pi(h), policy.v(h).squeeze(-1)
        keep = (~dones[t]).float().unsqueeze(-1)
        h.mul_(keep)  # L
        t += 1


def a2c_loss(policy, obs, actions, returns, dones, value_coef=0.5):
    pg, vf = [], []
    for step, (logits, value) in enumerate(rollout(policy, obs, dones)):
        logp = F.log_softmax(logits, -1).gather(-1, actions[step].unsqueeze(-1)).squeeze(-1)
        adv = returns[step] - value.detach()
        pg.append(-(logp * adv).mean())
        vf.append(F.mse_loss(value, returns[step]))
    return torch.stack(pg).sum() + value_coef * torch.stack(vf).sum()


def run():
    torch.manual_seed(0)
    policy = RecurrentPolicy()
    opt = torch.optim.RMSprop(policy.parameters(), lr=7e-4)
    T, B = 5, 4
    obs = torch.randn(T, B, 5)
    actions = torch.randint(0, 3, (T, B))
    returns = torch.randn(T, B)
    dones = torch.rand(T, B) < 0.3
    loss = a2c_loss(policy, obs, actions, returns, dones)
    opt.zero_grad()
    loss.backward()
    opt.step()
