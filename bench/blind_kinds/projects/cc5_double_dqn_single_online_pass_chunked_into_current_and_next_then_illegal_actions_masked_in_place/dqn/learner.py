import copy

import torch
import torch.nn.functional as F

from . import utils


class DoubleDQNLearner:
    def __init__(self, online, gamma=0.99, lr=1e-3, target_every=2):
        self.online = online
        self.target = copy.deepcopy(online).requires_grad_(False)
        self.gamma, self.target_every, self.steps = gamma, target_every, 0
        self.opt = torch.optim.Adam(online.parameters(), lr=lr)

    def loss(self, obs, actions, rewards, next_obs, dones, next_legal):
        # one online pass over current and next observations (one kernel launch per layer)
        q_all = self.online(torch.cat([obs, next_obs]))
        q, q_next_online = utils.halves(q_all)
        next_actions = utils.mask_illegal_(q_next_online, next_legal).argmax(1, keepdim=True)  # L
        with torch.no_grad():
            q_next = self.target(next_obs).gather(1, next_actions).squeeze(1)
            target = rewards + self.gamma * (1 - dones) * q_next
        q_taken = q.gather(1, actions[:, None]).squeeze(1)
        return F.smooth_l1_loss(q_taken, target)

    def update(self, batch):
        loss = self.loss(*batch)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.steps += 1
        if self.steps % self.target_every == 0:
            self.target.load_state_dict(self.online.state_dict())
        return loss.item()
