# Source: https://github.com/pytorch/pytorch/issues/38480
# (same shape: https://github.com/mimoralea/gdrl/issues/13)
# Report: a SAC update computes the Q loss and the policy loss (the latter
# through the Q networks) up front, then steps the Q optimizer before
# policy_loss.backward(): "output 0 of TBackward, is at version 3; expected
# version 2" since torch 1.5 made optimizer steps visible to the check.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SAC:
    def __init__(self):
        self.policy = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1), nn.Tanh())
        self.critic = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2))
        self.critic_optim = torch.optim.Adam(self.critic.parameters(), lr=3e-4)
        self.policy_optim = torch.optim.Adam(self.policy.parameters(), lr=3e-4)
        self.alpha = 0.2

    def update_parameters(self, state, action, target_q):
        qf = self.critic(torch.cat([state, action], 1))
        qf1, qf2 = qf[:, :1], qf[:, 1:]
        qf_loss = F.mse_loss(qf1, target_q) + F.mse_loss(qf2, target_q)
        pi = self.policy(state)
        qf_pi = self.critic(torch.cat([state, pi], 1))
        min_qf_pi = torch.min(qf_pi[:, :1], qf_pi[:, 1:])
        policy_loss = (self.alpha * pi.pow(2) - min_qf_pi).mean()

        self.critic_optim.zero_grad()
        qf_loss.backward()
        self.critic_optim.step()  # hazard

        self.policy_optim.zero_grad()
        policy_loss.backward()
        self.policy_optim.step()


def run():
    agent = SAC()
    agent.update_parameters(torch.randn(5, 3), torch.randn(5, 1), torch.randn(5, 1))


if __name__ == "__main__":
    run()
