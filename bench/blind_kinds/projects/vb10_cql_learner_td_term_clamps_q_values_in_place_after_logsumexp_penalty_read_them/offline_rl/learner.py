import copy

import torch

from . import losses


class CQLLearner:
    def __init__(self, q_net, cfg):
        self.q, self.cfg = q_net, cfg
        self.target_q = copy.deepcopy(q_net).requires_grad_(False)
        self.opt = torch.optim.Adam(q_net.parameters(), lr=cfg["lr"])
        self.terms = [getattr(losses, f"{name}_loss") for name in cfg["loss_terms"]]
        self.updates = 0

    @torch.no_grad()
    def bellman_target(self, batch):
        next_q = self.target_q(batch["next_obs"]).max(1).values
        return batch["rewards"] + self.cfg["gamma"] * (1 - batch["dones"]) * next_q

    def update(self, batch):
        target = self.bellman_target(batch)
        q_all = self.q(batch["obs"])
        loss = sum(term(q_all, batch, target, self.cfg) for term in self.terms)  # L
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        self.updates += 1
        if self.updates % self.cfg["target_every"] == 0:
            self.target_q.load_state_dict(self.q.state_dict())
        return loss.item()
