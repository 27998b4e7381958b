import copy

import torch
import torch.nn.functional as F

from .nets import Actor, Critic


class DDPGAgent:
    def __init__(self, obs_dim, act_dim, hidden, gamma, tau):
        self.gamma, self.tau = gamma, tau
        self.actor = Actor(obs_dim, act_dim, hidden)
        self.critic = Critic(obs_dim, act_dim, hidden)
        self.actor_target = copy.deepcopy(self.actor).requires_grad_(False)
        self.critic_target = copy.deepcopy(self.critic).requires_grad_(False)
        self.optimizers = {
            "actor": torch.optim.Adam(self.actor.parameters(), lr=1e-3),
            "critic": torch.optim.Adam(self.critic.parameters(), lr=1e-3),
        }

    def losses(self, batch):
        """Both losses from one batch; the actor's goes through the critic."""
        with torch.no_grad():
            next_q = self.critic_target(batch["next_obs"], self.actor_target(batch["next_obs"]))
            target = batch["rew"] + self.gamma * (1 - batch["done"]) * next_q
        critic_loss = F.mse_loss(self.critic(batch["obs"], batch["act"]), target)
        actor_loss = -self.critic(batch["obs"], self.actor(batch["obs"])).mean()
        return {"critic": critic_loss, "actor": actor_loss}

    @torch.no_grad()
    def soft_update_targets(self):
        for net, target in ((self.actor, self.actor_target), (self.critic, self.critic_target)):
            for p, tp in zip(net.parameters(), target.parameters()):
                tp.lerp_(p, self.tau)
