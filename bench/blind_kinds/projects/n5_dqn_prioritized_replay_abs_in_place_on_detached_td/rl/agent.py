import copy
from dataclasses import dataclass

import torch

from . import replay as rp
from .nets import DuelingQNet


@dataclass
class AgentConfig:
    obs_dim: int = 4
    n_actions: int = 3
    gamma: float = 0.99
    lr: float = 1e-3
    batch_size: int = 8
    target_every: int = 2


class DQNAgent:
    def __init__(self, cfg: AgentConfig, memory: "rp.PrioritizedReplay"):
        self.cfg, self.memory = cfg, memory
        self.online = DuelingQNet(cfg.obs_dim, cfg.n_actions)
        self.target = copy.deepcopy(self.online).requires_grad_(False)
        self.opt = torch.optim.Adam(self.online.parameters(), lr=cfg.lr)
        self.updates = 0

    def learn(self):
        batch, idx, weights = self.memory.sample(self.cfg.batch_size)
        q = self.online(batch["obs"]).gather(1, batch["action"][:, None]).squeeze(1)
        with torch.no_grad():
            best = self.online(batch["next_obs"]).argmax(1, keepdim=True)
            next_q = self.target(batch["next_obs"]).gather(1, best).squeeze(1)
            target = batch["reward"] + self.cfg.gamma * (1 - batch["done"]) * next_q
        td = q - target
        loss = (weights * td.pow(2)).mean()
        self.memory.update_priorities(idx, td.detach())  # L
        self.opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.online.parameters(), 10.0)
        self.opt.step()
        self.updates += 1
        if self.updates % self.cfg.target_every == 0:
            self.target.load_state_dict(self.online.state_dict())
        return loss.item()
