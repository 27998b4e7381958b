import copy

import torch
import torch.nn as nn
import torch.nn.functional as F

from .actor import SquashedGaussianActor


class TwinQ(nn.Module):
    def __init__(self, obs_dim, act_dim, hidden=32):
        super().__init__()

        def q():
            return nn.Sequential(nn.Linear(obs_dim + act_dim, hidden), nn.ReLU(), nn.Linear(hidden, 1))
        self.q1, self.q2 = q(), q()

    def forward(self, obs, act):
        x = torch.cat([obs, act], -1)
        return self.q1(x).squeeze(-1), self.q2(x).squeeze(-1)


class SACLearner:
    def __init__(self, cfg):
        self.cfg = cfg
        act_dim = len(cfg.action_low)
        self.actor = SquashedGaussianActor(cfg.obs_dim, cfg.action_low, cfg.action_high, cfg.hidden)
        self.critic = TwinQ(cfg.obs_dim, act_dim, cfg.hidden)
        self.critic_target = copy.deepcopy(self.critic).requires_grad_(False)
        self.log_alpha = torch.zeros(1, requires_grad=True)
        self.target_entropy = -float(act_dim)
        self.actor_opt = torch.optim.Adam(self.actor.parameters(), lr=cfg.lr)
        self.critic_opt = torch.optim.Adam(self.critic.parameters(), lr=cfg.lr)
        self.alpha_opt = torch.optim.Adam([self.log_alpha], lr=cfg.lr)

    def update(self, batch):
        obs, act, rew, next_obs, done = batch
        alpha = self.log_alpha.exp().detach()
        with torch.no_grad():
            next_a, next_logp = self.actor(next_obs)
            tq1, tq2 = self.critic_target(next_obs, next_a)
            target = rew + self.cfg.gamma * (1 - done) * (torch.min(tq1, tq2) - alpha * next_logp)
        q1, q2 = self.critic(obs, act)
        critic_loss = F.mse_loss(q1, target) + F.mse_loss(q2, target)
        self.critic_opt.zero_grad()
        critic_loss.backward()
        self.critic_opt.step()

        new_a, logp = self.actor(obs)  # L
        q1_pi, q2_pi = self.critic(obs, new_a)
        actor_loss = (alpha * logp - torch.min(q1_pi, q2_pi)).mean()
        self.actor_opt.zero_grad()
        actor_loss.backward()
        self.actor_opt.step()

        alpha_loss = -(self.log_alpha * (logp.detach() + self.target_entropy)).mean()
        self.alpha_opt.zero_grad()
        alpha_loss.backward()
        self.alpha_opt.step()

        with torch.no_grad():
            for tp, p in zip(self.critic_target.parameters(), self.critic.parameters()):
                tp.lerp_(p, self.cfg.tau)
        return {"critic": critic_loss.item(), "actor": actor_loss.item(), "alpha": alpha.item()}
