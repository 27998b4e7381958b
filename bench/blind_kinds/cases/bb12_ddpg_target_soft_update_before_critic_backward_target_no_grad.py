"""DDPG on a toy batch: the TD target is computed from the target actor and critic under no_grad,
and the Polyak update of the targets (under no_grad) is done right after the critic's loss, before
its backward."""
import copy

import torch
import torch.nn as nn
import torch.nn.functional as F


def mlp(d_in, d_out, out_act=None):
    layers = [nn.Linear(d_in, 16), nn.ReLU(), nn.Linear(16, d_out)]
    return nn.Sequential(*layers, *([out_act] if out_act else []))


@torch.no_grad()
def soft_update(target, online, tau):
    for tp, p in zip(target.parameters(), online.parameters()):
        tp.lerp_(p, tau)  # L


@torch.no_grad()
def td_target(reward, done, next_obs, actor_t, critic_t, gamma=0.99):
    next_act = actor_t(next_obs)
    q_next = critic_t(torch.cat([next_obs, next_act], -1)).squeeze(-1)
    return reward + gamma * (1.0 - done) * q_next


def run():
    torch.manual_seed(0)
    actor, critic = mlp(4, 2, nn.Tanh()), mlp(6, 1)
    actor_t, critic_t = copy.deepcopy(actor), copy.deepcopy(critic)
    opt_a = torch.optim.Adam(actor.parameters(), lr=1e-3)
    opt_c = torch.optim.Adam(critic.parameters(), lr=1e-3)
    for _ in range(2):
        obs, act, next_obs = torch.randn(8, 4), torch.rand(8, 2) * 2 - 1, torch.randn(8, 4)
        reward, done = torch.randn(8), (torch.rand(8) < 0.1).float()
        target = td_target(reward, done, next_obs, actor_t, critic_t)
        q = critic(torch.cat([obs, act], -1)).squeeze(-1)
        critic_loss = F.mse_loss(q, target)
        soft_update(actor_t, actor, 0.01)  # L
        soft_update(critic_t, critic, 0.01)  # L
        opt_c.zero_grad()
        critic_loss.backward()
        opt_c.step()
        actor_loss = -critic(torch.cat([obs, actor(obs)], -1)).mean()
        opt_a.zero_grad()
        actor_loss.backward()
        opt_a.step()
