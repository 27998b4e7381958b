import torch
import torch.nn as nn


class Agent:
    def __init__(self, obs_dim, n_actions):
        self.actor = nn.Sequential(nn.Linear(obs_dim, 16), nn.Tanh(), nn.Linear(16, n_actions))
        self.critic = nn.Sequential(nn.Linear(obs_dim, 16), nn.Tanh(), nn.Linear(16, 1))
        self.a_opt = torch.optim.Adam(self.actor.parameters(), lr=1e-3)
        self.c_opt = torch.optim.Adam(self.critic.parameters(), lr=1e-3)

    def update(self, obs, actions, returns):
        logp = torch.log_softmax(self.actor(obs), -1).gather(1, actions[:, None]).squeeze(1)
        adv = returns - self.critic(obs).squeeze(1)
        actor_loss = -(logp * adv.detach()).mean()
        critic_loss = adv.pow(2).mean()
        self.c_opt.zero_grad()
        critic_loss.backward(retain_graph=True)
        self.c_opt.step()  # L
        self.a_opt.zero_grad()
        actor_loss.backward()
        self.a_opt.step()
