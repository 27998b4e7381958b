import copy

import torch
import torch.nn.functional as F

from .noise import smooth_target_action_


class TD3:
    def __init__(self, actor, critic, cfg):
        self.actor, self.critic, self.cfg = actor, critic, cfg
        self.actor_target = copy.deepcopy(actor)
        self.critic_target = copy.deepcopy(critic)
        self.actor_opt = torch.optim.Adam(actor.parameters(), lr=cfg["lr"])
        self.critic_opt = torch.optim.Adam(critic.parameters(), lr=cfg["lr"])
        self.updates = 0

    def target_q(self, rew, nxt, done):
        cfg = self.cfg
        next_action = smooth_target_action_(self.actor_target(nxt), cfg["policy_noise"],  # L
                                            cfg["noise_clip"], self.actor.max_action)
        tq1, tq2 = self.critic_target(nxt, next_action)
        return rew + cfg["gamma"] * (1 - done) * torch.min(tq1, tq2)

    def update(self, obs, act, rew, nxt, done):
        target = self.target_q(rew, nxt, done)
        q1, q2 = self.critic(obs, act)
        critic_loss = F.mse_loss(q1, target) + F.mse_loss(q2, target)
        self.critic_opt.zero_grad()
        critic_loss.backward()
        self.critic_opt.step()
        self.updates += 1
        if self.updates % self.cfg["policy_delay"] == 0:
            actor_loss = -self.critic(obs, self.actor(obs))[0].mean()
            self.actor_opt.zero_grad()
            actor_loss.backward()
            self.actor_opt.step()
            self._soft_update()
        return critic_loss.item()

    @torch.no_grad()
    def _soft_update(self):
        tau = self.cfg["tau"]
        for net, tgt in ((self.actor, self.actor_target), (self.critic, self.critic_target)):
            for p, tp in zip(net.parameters(), tgt.parameters()):
                tp.lerp_(p, tau)
