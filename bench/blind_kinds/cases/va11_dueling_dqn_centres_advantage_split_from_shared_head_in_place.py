"""Dueling DQN: one Linear outputs [value | advantages]; advantages are centred in place before combining."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


class DuelingQNet(nn.Module):
    def __init__(self, obs_dim=4, n_actions=3, hidden=8):
        super().__init__()
        self.n_actions = n_actions
        self.trunk = nn.Sequential(nn.Linear(obs_dim, hidden), nn.ReLU())
        self.head = nn.Linear(hidden, 1 + n_actions)

    def forward(self, obs):
        value, adv = self.head(self.trunk(obs)).split([1, self.n_actions], dim=-1)
        adv -= adv.mean(dim=-1, keepdim=True)  # L
        return value + adv


def td_loss(online, target, batch, gamma=0.99):
    obs, act, rew, nxt, done = batch
    q = online(obs).gather(1, act[:, None]).squeeze(1)
    with torch.no_grad():
        best = online(nxt).argmax(1, keepdim=True)
        q_next = target(nxt).gather(1, best).squeeze(1)
        y = rew + gamma * (1 - done) * q_next
    return F.smooth_l1_loss(q, y)


def run():
    torch.manual_seed(0)
    online = DuelingQNet()
    target = copy.deepcopy(online).requires_grad_(False)
    opt = torch.optim.Adam(online.parameters(), lr=1e-3)
    for step in range(3):
        batch = (torch.randn(6, 4), torch.randint(0, 3, (6,)), torch.randn(6), torch.randn(6, 4),
                 torch.randint(0, 2, (6,)).float())
        loss = td_loss(online, target, batch)
        opt.zero_grad()
        loss.backward()
        opt.step()
        if step % 2 == 1:
            target.load_state_dict(online.state_dict())
