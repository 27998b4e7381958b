import torch
import torch.nn as nn
import torch.nn.functional as F

from .icm import ICM
from .normalize import RunningRewardNormalizer


class CuriousAgent:
    def __init__(self, obs_dim=6, n_actions=4, intrinsic_coef=0.5, lr=1e-3):
        self.policy = nn.Sequential(nn.Linear(obs_dim, 16), nn.Tanh(), nn.Linear(16, n_actions))
        self.value = nn.Sequential(nn.Linear(obs_dim, 16), nn.Tanh(), nn.Linear(16, 1))
        self.icm = ICM(obs_dim, n_actions)
        self.normalizer = RunningRewardNormalizer()
        self.intrinsic_coef = intrinsic_coef
        params = [*self.policy.parameters(), *self.value.parameters(), *self.icm.parameters()]
        self.opt = torch.optim.Adam(params, lr=lr)

    def update(self, obs, actions, ext_rewards, next_obs, gamma=0.99):
        icm_loss, bonus = self.icm(obs, next_obs, actions)
        rewards = ext_rewards + self.intrinsic_coef * self.normalizer.normalize_(bonus)  # L
        with torch.no_grad():
            target = rewards + gamma * self.value(next_obs).squeeze(-1)
        values = self.value(obs).squeeze(-1)
        adv = (target - values).detach()
        logp = F.log_softmax(self.policy(obs), -1).gather(1, actions[:, None]).squeeze(1)
        loss = -(logp * adv).mean() + 0.5 * F.mse_loss(values, target) + icm_loss
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
        return loss.item()
