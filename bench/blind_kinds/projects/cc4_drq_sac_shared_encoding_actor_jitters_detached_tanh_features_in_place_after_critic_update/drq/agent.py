import copy

import torch

from .augment import feature_jitter_
from .modules import Encoder, SquashedGaussianActor, TwinCritic


class DrQAgent:
    """SAC on learned features. One encoder pass per batch is shared by the critic and actor
    updates (the actor sees it detached, so only the critic trains the encoder)."""

    def __init__(self, obs_dim, act_dim, feat_dim=8, update_order=("critic", "actor"), feature_noise=0.05,
                 gamma=0.99, alpha=0.1, tau=0.01):
        self.encoder = Encoder(obs_dim, feat_dim)
        self.actor = SquashedGaussianActor(feat_dim, act_dim)
        self.critic = TwinCritic(feat_dim, act_dim)
        self.encoder_target, self.critic_target = copy.deepcopy(self.encoder), copy.deepcopy(self.critic)
        self.update_order, self.feature_noise = list(update_order), feature_noise
        self.gamma, self.alpha, self.tau = gamma, alpha, tau
        self.optimizers = {
            "critic": torch.optim.Adam([*self.encoder.parameters(), *self.critic.parameters()], lr=1e-3),
            "actor": torch.optim.Adam(self.actor.parameters(), lr=1e-3),
        }

    def critic_loss(self, feat, batch):
        obs, act, rew, next_obs, done = batch
        with torch.no_grad():
            next_feat = self.encoder_target(next_obs)
            next_act, next_logp = self.actor(next_feat)
            target = rew + self.gamma * (1 - done) * (torch.min(*self.critic_target(next_feat, next_act)) - self.alpha * next_logp)
        q1, q2 = self.critic(feat, act)
        return ((q1 - target) ** 2 + (q2 - target) ** 2).mean()

    def actor_loss(self, feat, batch):
        feat = feature_jitter_(feat.detach(), self.feature_noise)  # L
        act, logp = self.actor(feat)
        return (self.alpha * logp - torch.min(*self.critic(feat, act))).mean()

    def update(self, batch):
        feat = self.encoder(batch[0])
        for name in self.update_order:
            loss = getattr(self, f"{name}_loss")(feat, batch)  # L
            opt = self.optimizers[name]
            opt.zero_grad()
            loss.backward()
            opt.step()
        with torch.no_grad():
            for net, target in ((self.encoder, self.encoder_target), (self.critic, self.critic_target)):
                for p, p_t in zip(net.parameters(), target.parameters()):
                    p_t.lerp_(p, self.tau)
