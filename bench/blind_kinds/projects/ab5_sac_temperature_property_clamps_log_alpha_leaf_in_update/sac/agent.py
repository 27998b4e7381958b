import copy

import torch
import torch.nn.functional as F

from .nets import Actor, Critic
from .temperature import Temperature


class SACAgent:
    def __init__(self, obs_dim, act_dim, gamma=0.99, tau=0.01, lr=3e-4):
        self.actor, self.critic = Actor(obs_dim, act_dim), Critic(obs_dim, act_dim)
        self.critic_target = copy.deepcopy(self.critic).requires_grad_(False)
        self.temperature = Temperature()
        self.target_entropy = -float(act_dim)
        self.gamma, self.tau = gamma, tau
        self.opt_actor = torch.optim.Adam(self.actor.parameters(), lr=lr)
        self.opt_critic = torch.optim.Adam(self.critic.parameters(), lr=lr)
        self.opt_alpha = torch.optim.Adam(self.temperature.parameters(), lr=lr)

    @torch.no_grad()
    def act(self, obs):
        return self.actor(obs)[0]

    def update(self, batch):
        obs, act, rew, next_obs, done = batch
        alpha = self.temperature.alpha  # L
        with torch.no_grad():
            next_act, next_logp = self.actor(next_obs)
            target = rew + self.gamma * (1 - done) * (self.critic_target(next_obs, next_act) - alpha * next_logp)
        critic_loss = F.mse_loss(self.critic(obs, act), target)
        self.opt_critic.zero_grad()
        critic_loss.backward()
        self.opt_critic.step()

        new_act, logp = self.actor(obs)
        actor_loss = (alpha.detach() * logp - self.critic(obs, new_act)).mean()
        self.opt_actor.zero_grad()
        actor_loss.backward()
        self.opt_actor.step()

        alpha_loss = -(self.temperature.log_alpha * (logp.detach() + self.target_entropy)).mean()
        self.opt_alpha.zero_grad()
        alpha_loss.backward()
        self.opt_alpha.step()

        with torch.no_grad():
            for p, tp in zip(self.critic.parameters(), self.critic_target.parameters()):
                tp.lerp_(p, self.tau)
        return critic_loss.item(), actor_loss.item()
