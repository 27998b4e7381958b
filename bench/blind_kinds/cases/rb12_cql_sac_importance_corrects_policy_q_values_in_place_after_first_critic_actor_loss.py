"""Conservative Q-learning on top of SAC, written compactly: the Q values of the current policy's
actions feed both the actor loss (through the first critic only, as TD3 does) and the CQL logsumexp
term, for which they are importance-corrected in place (q.sub_(log_pi))."""
import math

import torch
import torch.nn as nn


class TwinCritic(nn.Module):
    def __init__(self, obs_dim=5, act_dim=2):
        super().__init__()
        self.q1 = nn.Sequential(nn.Linear(obs_dim + act_dim, 16), nn.ReLU(), nn.Linear(16, 1))
        self.q2 = nn.Sequential(nn.Linear(obs_dim + act_dim, 16), nn.ReLU(), nn.Linear(16, 1))

    def forward(self, obs, act):
        sa = torch.cat([obs, act], -1)
        return self.q1(sa).squeeze(-1), self.q2(sa).squeeze(-1)


class Actor(nn.Module):
    def __init__(self, obs_dim=5, act_dim=2):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(obs_dim, 16), nn.ReLU(), nn.Linear(16, 2 * act_dim))

    def forward(self, obs):
        mu, log_std = self.net(obs).chunk(2, -1)
        dist = torch.distributions.Normal(mu, log_std.clamp(-5, 2).exp())
        u = dist.rsample()
        act = torch.tanh(u)
        log_pi = (dist.log_prob(u) - torch.log(1 - act.pow(2) + 1e-6)).sum(-1)
        return act, log_pi


def losses(actor, critic, batch, alpha=0.2, gamma=0.99, cql_weight=1.0):
    obs, act, rew, next_obs = batch
    q1_data, q2_data = critic(obs, act)
    with torch.no_grad():
        next_act, next_log_pi = actor(next_obs)
        target = rew + gamma * (torch.min(*critic(next_obs, next_act)) - alpha * next_log_pi)
    pi_act, log_pi = actor(obs)
    q1_pi, q2_pi = critic(obs, pi_act)
    actor_loss = (alpha * log_pi - q1_pi).mean()
    q1_pi.sub_(log_pi.detach())  # L
    q2_pi.sub_(log_pi.detach())  # L
    rand_act = torch.rand_like(act) * 2 - 1
    q1_rand, q2_rand = critic(obs, rand_act)
    log_unif = act.shape[-1] * math.log(0.5)
    cql = sum(torch.logsumexp(torch.stack([qr - log_unif, qp]), 0).mean() - qd.mean()
              for qr, qp, qd in ((q1_rand, q1_pi, q1_data), (q2_rand, q2_pi, q2_data)))
    critic_loss = (q1_data - target).pow(2).mean() + (q2_data - target).pow(2).mean() + cql_weight * cql
    return actor_loss, critic_loss


def run():
    torch.manual_seed(0)
    actor, critic = Actor(), TwinCritic()
    opt = torch.optim.Adam(list(actor.parameters()) + list(critic.parameters()), lr=3e-4)
    for _ in range(2):
        batch = (torch.randn(6, 5), torch.rand(6, 2) * 2 - 1, torch.randn(6), torch.randn(6, 5))
        actor_loss, critic_loss = losses(actor, critic, batch)  # L
        opt.zero_grad()
        (actor_loss + critic_loss).backward()
        opt.step()
