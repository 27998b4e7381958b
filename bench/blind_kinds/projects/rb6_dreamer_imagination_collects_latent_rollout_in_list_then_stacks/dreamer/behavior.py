import torch
import torch.nn as nn


def lambda_return(rewards, values, gamma=0.95, lam=0.9):
    out, acc = [], values[-1]
    for t in reversed(range(rewards.shape[0])):
        acc = rewards[t] + gamma * ((1 - lam) * values[t + 1] + lam * acc)
        out.append(acc)
    return torch.stack(out[::-1])


class ActorCritic(nn.Module):
    def __init__(self, latent=6, act_dim=2):
        super().__init__()
        self.actor = nn.Sequential(nn.Linear(latent, 16), nn.ELU(), nn.Linear(16, act_dim), nn.Tanh())
        self.critic = nn.Sequential(nn.Linear(latent, 16), nn.ELU(), nn.Linear(16, 1))

    def losses(self, imagination, world_model, start):
        states = imagination.rollout(self.actor, start)  # L
        rewards = world_model.predict_reward(states[1:])
        values = self.critic(states).squeeze(-1)
        returns = lambda_return(rewards, values)
        actor_loss = -returns.mean()
        critic_loss = 0.5 * (self.critic(states[:-1].detach()).squeeze(-1) - returns.detach()).pow(2).mean()
        return actor_loss, critic_loss
