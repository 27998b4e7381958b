# Source: https://github.com/toshikwa/gail-airl-ppo.pytorch/issues/13
# Report: train_expert.py stops with "Output 1 of SplitBackward0 is a view and is
# being modified inplace. This view is the output of a function that returns
# multiple views."  In StateDependentPolicy.sample (policy.py#L49) the network's
# output is split with `.chunk(2, dim=-1)` into means and log_stds, and
# `log_stds.clamp_(-20, 2)` clamps the second chunk in place.  Using `clamp`
# instead fixes it.
import math

import torch
import torch.nn as nn


def build_mlp(input_dim, output_dim, hidden_units=(16, 16)):
    layers, units = [], input_dim
    for next_units in hidden_units:
        layers += [nn.Linear(units, next_units), nn.Tanh()]
        units = next_units
    layers.append(nn.Linear(units, output_dim))
    return nn.Sequential(*layers)


def calculate_log_pi(log_stds, noises, actions):
    gaussian_log_probs = (-0.5 * noises.pow(2) - log_stds).sum(dim=-1, keepdim=True) \
        - 0.5 * math.log(2 * math.pi) * log_stds.size(-1)
    return gaussian_log_probs - torch.log(1 - actions.pow(2) + 1e-6).sum(dim=-1, keepdim=True)


def reparameterize(means, log_stds):
    noises = torch.randn_like(means)
    us = means + noises * log_stds.exp()
    actions = torch.tanh(us)
    return actions, calculate_log_pi(log_stds, noises, actions)


class StateDependentPolicy(nn.Module):
    def __init__(self, state_dim=4, action_dim=2):
        super().__init__()
        self.net = build_mlp(state_dim, 2 * action_dim)

    def forward(self, states):
        return torch.tanh(self.net(states).chunk(2, dim=-1)[0])

    def sample(self, states):
        means, log_stds = self.net(states).chunk(2, dim=-1)
        return reparameterize(means, log_stds.clamp_(-20, 2))  # hazard


def run():
    torch.manual_seed(0)
    actor = StateDependentPolicy()
    optim_actor = torch.optim.Adam(actor.parameters(), lr=3e-4)
    states = torch.randn(5, 4)
    actions, log_pis = actor.sample(states)
    loss_actor = (0.2 * log_pis - actions.sum(dim=-1, keepdim=True)).mean()
    optim_actor.zero_grad()
    loss_actor.backward()
    optim_actor.step()


if __name__ == "__main__":
    run()
