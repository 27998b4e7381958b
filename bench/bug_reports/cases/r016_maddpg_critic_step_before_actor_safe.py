# Source: https://github.com/starry-sky6688/MADDPG/issues/27
# Safe twin: the maintainer's suggestion -- update the critic, then compute the
# actor loss with the updated critic and update the actor.
import torch
import torch.nn as nn


class Agent:
    def __init__(self):
        self.actor = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2), nn.Tanh())
        self.critic = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 1))
        self.actor_optim = torch.optim.Adam(self.actor.parameters(), lr=1e-3)
        self.critic_optim = torch.optim.Adam(self.critic.parameters(), lr=1e-3)

    def train(self, o, u, r):
        q_value = self.critic(torch.cat([o, u], dim=1))
        critic_loss = (r - q_value).pow(2).mean()
        self.critic_optim.zero_grad()
        critic_loss.backward()
        self.critic_optim.step()

        u_new = self.actor(o)
        actor_loss = -self.critic(torch.cat([o, u_new], dim=1)).mean()
        self.actor_optim.zero_grad()
        actor_loss.backward()
        self.actor_optim.step()


def run():
    agent = Agent()
    agent.train(torch.randn(5, 4), torch.randn(5, 2), torch.randn(5, 1))


if __name__ == "__main__":
    run()
