"""Rollout storage in the pytorch-a2c-ppo style: preallocated tensors, one row per step."""
import torch


class RolloutStorage:
    def __init__(self, num_steps, num_envs, obs_dim):
        self.obs = torch.zeros(num_steps + 1, num_envs, obs_dim)
        self.rewards = torch.zeros(num_steps, num_envs)
        self.masks = torch.ones(num_steps + 1, num_envs)
        self.returns = torch.zeros(num_steps + 1, num_envs)
        self.num_steps = num_steps

    def insert(self, step, obs, reward, mask):
        self.obs[step + 1].copy_(obs)  # L
        self.rewards[step].copy_(reward)
        self.masks[step + 1].copy_(mask)

    def compute_returns(self, next_value, gamma):
        self.returns[-1] = next_value
        for step in reversed(range(self.num_steps)):
            self.returns[step] = self.rewards[step] + gamma * self.returns[step + 1] * self.masks[step + 1]

    def after_update(self):
        self.obs[0].copy_(self.obs[-1])
        self.masks[0].copy_(self.masks[-1])
