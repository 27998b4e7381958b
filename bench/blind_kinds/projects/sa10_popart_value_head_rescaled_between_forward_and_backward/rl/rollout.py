from dataclasses import dataclass

import torch


@dataclass
class Rollout:
    obs: torch.Tensor
    actions: torch.Tensor
    rewards: torch.Tensor
    dones: torch.Tensor


def collect(agent, steps, obs_dim, gen):
    """A toy bandit-like environment: reward scales with how well the action matches the sign of obs[0]."""
    obs = torch.randn(steps, obs_dim, generator=gen)
    actions = agent.act(obs)
    good = (obs[:, 0] > 0).long()
    rewards = torch.where(actions == good, 10.0, -5.0) + torch.randn(steps, generator=gen)
    dones = torch.zeros(steps)
    dones[steps // 2 - 1] = 1.0
    dones[-1] = 1.0
    return Rollout(obs, actions, rewards, dones)


def discounted_returns(rewards, dones, gamma):
    out, running = torch.zeros_like(rewards), 0.0
    for t in reversed(range(len(rewards))):
        running = rewards[t] + gamma * running * (1.0 - dones[t])
        out[t] = running
    return out
