"""SAC agent that keeps a preallocated buffer for the pessimistic twin-Q estimate and fills it
with `torch.minimum(..., out=...)`, both for the bootstrapped target and in the actor loss."""
import math

import torch
import torch.nn as nn

LOG_2 = math.log(2.0)


def mlp(d_in, d_out, hidden=16):
    return nn.Sequential(nn.Linear(d_in, hidden), nn.ReLU(), nn.Linear(hidden, d_out))


class Agent:
    def __init__(self, obs_dim=5, act_dim=2, batch_size=8, gamma=0.99, alpha=0.1):
        self.actor = mlp(obs_dim, 2 * act_dim)
        self.q1, self.q2 = mlp(obs_dim + act_dim, 1), mlp(obs_dim + act_dim, 1)
        self.gamma, self.alpha = gamma, alpha
        self.min_q = torch.empty(batch_size)
        self.actor_opt = torch.optim.Adam(self.actor.parameters(), lr=3e-4)
        self.critic_opt = torch.optim.Adam([*self.q1.parameters(), *self.q2.parameters()], lr=3e-4)

    def pessimistic_q(self, obs, act, out=None):
        x = torch.cat([obs, act], -1)
        return torch.minimum(self.q1(x).squeeze(-1), self.q2(x).squeeze(-1), out=out)  # L

    def sample(self, obs):
        mu, log_std = self.actor(obs).chunk(2, -1)
        u = mu + log_std.clamp(-5, 2).exp() * torch.randn_like(mu)
        a = torch.tanh(u)
        normal_logp = (-0.5 * ((u - mu) / log_std.clamp(-5, 2).exp()) ** 2 - log_std.clamp(-5, 2)).sum(-1)
        logp = normal_logp - (2 * (LOG_2 - u - nn.functional.softplus(-2 * u))).sum(-1)
        return a, logp

    def update(self, obs, act, rew, next_obs, done):
        with torch.no_grad():
            next_a, next_logp = self.sample(next_obs)
            min_next = self.pessimistic_q(next_obs, next_a, out=self.min_q)
            target = rew + self.gamma * (1 - done) * (min_next - self.alpha * next_logp)
        x = torch.cat([obs, act], -1)
        critic_loss = ((self.q1(x).squeeze(-1) - target) ** 2 + (self.q2(x).squeeze(-1) - target) ** 2).mean()
        self.critic_opt.zero_grad()
        critic_loss.backward()
        self.critic_opt.step()

        a, logp = self.sample(obs)
        actor_loss = (self.alpha * logp - self.pessimistic_q(obs, a, out=self.min_q)).mean()  # L
        self.actor_opt.zero_grad()
        actor_loss.backward()
        self.actor_opt.step()


def run():
    torch.manual_seed(0)
    agent = Agent()
    for _ in range(2):
        b = 8
        agent.update(torch.randn(b, 5), torch.rand(b, 2) * 2 - 1, torch.randn(b), torch.randn(b, 5),
                     torch.randint(0, 2, (b,)).float())
