import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(sizes):
    layers = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        layers += [nn.Linear(a, b), nn.ReLU()]
    return nn.Sequential(*layers[:-1])


class DQNAgent:
    def __init__(self, cfg):
        self.gamma = cfg["gamma"]
        self.online = mlp([cfg["obs_dim"], *cfg["hidden"], cfg["n_actions"]])
        self.target = copy.deepcopy(self.online)
        if cfg.get("freeze_target", True):
            self.target.requires_grad_(False)
        self.optimizer = torch.optim.Adam(self.online.parameters(), lr=cfg["lr"])
        self.callbacks = []
        self.num_updates = 0

    def add_callback(self, cb):
        self.callbacks.append(cb)

    def td_loss(self, obs, actions, rewards, next_obs, dones):
        q = self.online(obs).gather(1, actions[:, None]).squeeze(1)
        with torch.no_grad():
            next_a = self.online(next_obs).argmax(1, keepdim=True)
            next_q = self.target(next_obs).gather(1, next_a).squeeze(1)
            target = rewards + self.gamma * (~dones).float() * next_q
        return F.smooth_l1_loss(q, target)

    def update(self, batch):
        loss = self.td_loss(*batch)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        self.num_updates += 1
        for cb in self.callbacks:
            cb.after_update(self)  # L
        return {"loss": loss.item(), "updates": self.num_updates}
